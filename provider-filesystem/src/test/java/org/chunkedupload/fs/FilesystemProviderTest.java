package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filesystem-specific promises: keys never escape the root, state is owner-only, crashes leave no partial object. */
class FilesystemProviderTest {
    @TempDir
    Path tmp;
    Path root;
    StorageBackend fs;

    @BeforeEach
    void open() {
        root = tmp.resolve("store");
        fs = ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", root.toString())));
    }

    @AfterEach
    void close() {
        fs.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "a/..", "/etc/passwd", "a\\b", "a//b", "a/", "./a", "a/./b", "x\0y",
            "a/.b.cu-tmp"})
    void keysThatCouldEscapeOrCollideAreRejectedAndNothingIsCreated(String key) {
        InvalidTargetException e = assertThrows(InvalidTargetException.class,
                () -> fs.initiate(new ObjectTarget("fs", "demo", key)));
        assertFalse(e.getMessage().isBlank());
        assertFalse(Files.exists(root), "bad input created " + root);
    }

    @ParameterizedTest
    @ValueSource(strings = {".chunked-uploads", "..", ".hidden", "a b"})
    void reservedOrOddBucketsAreRejected(String bucket) {
        assertThrows(InvalidTargetException.class, () -> fs.initiate(new ObjectTarget("fs", bucket, "k")));
    }

    @Test
    void filesAreCutIn64MiBPartsByDefault() {
        // measured: +25 % over 16 MiB for a durable put (docs/benchmarks.md, "Scaling")
        assertEquals(64L << 20, fs.capabilities().preferredPartSize());
    }

    @Test
    void uploadStateIsOwnerOnly() throws IOException {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/k"));
        s.uploadPart(1, new byte[10]);
        Path dir = root.resolve(".chunked-uploads/demo/" + s.handle().uploadId());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void aCrashMidCompleteLeavesNoObjectAndAbortSweepsTheTemporary() throws IOException {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/dir/obj"));
        s.uploadPart(1, new byte[100]);
        Path stray = root.resolve("demo/dir/.obj." + s.handle().uploadId() + "-dead.cu-tmp");
        Files.createDirectories(stray.getParent());
        Files.write(stray, new byte[50]); // what a crash between join and rename leaves
        assertTrue(fs.stat("demo", "dir/obj").isEmpty());
        s.abort();
        assertFalse(Files.exists(stray));
        assertEquals(List.of(), fs.listPending("demo", ""));
    }

    @Test
    void aFileInThePathFailsCompleteAndKeepsTheUpload() throws IOException {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/a/b"));
        PartReceipt r = s.uploadPart(1, new byte[10]);
        Files.write(root.resolve("demo/a"), new byte[1]); // a file appears where the key needs a directory
        assertThrows(InvalidTargetException.class, () -> s.complete(List.of(r)));
        assertEquals(1, fs.listPending("demo", "a/").size(), "the upload is kept for another try or abort");
        s.abort();
    }

    @Test
    void aMissingBucketIsAnErrorWhenCreationIsOff() {
        StorageBackend strict = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", root.toString(), "create-buckets", "false")));
        assertTrue(assertThrows(InvalidTargetException.class, () -> strict.initiate(ObjectTarget.parse("fs://nope/k")))
                .getMessage().contains("create-buckets=true"));
    }

    @Test
    void invalidSettingsAreNamed() {
        assertTrue(assertThrows(org.chunkedupload.api.ConfigurationException.class, () -> ProviderRegistry.load()
                .open(BackendConfig.of("fs", Map.of("fsync", "maybe")))).getMessage().contains("'fsync'"));
    }

    @Test
    void placedPartsCompleteInPlaceOrByCopyWhenAWriterStillHoldsARegion() throws IOException {
        for (boolean writerInFlight : new boolean[] {false, true}) {
            ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/placed-" + writerInFlight),
                    org.chunkedupload.api.UploadOptions.builder().partSizeHint(1000).build());
            byte[][] parts = {new byte[1000], new byte[1000], new byte[10]};
            List<PartReceipt> receipts = new java.util.ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                java.util.Arrays.fill(parts[i], (byte) (i + 1));
                receipts.add(s.uploadPart(i + 1, parts[i]));
            }
            Path staging = root.resolve(".chunked-uploads/demo/" + s.handle().uploadId());
            assertTrue(Files.exists(staging.resolve("data")), "parts were placed in the data file");
            if (writerInFlight) { // a writer claimed region 4 and is writing there, without a header yet
                Files.createFile(staging.resolve("region-4"));
                try (var ch = java.nio.channels.FileChannel.open(staging.resolve("data"),
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(new byte[] {9, 9, 9}), 3000);
                }
            }
            s.complete(receipts);
            byte[] got = Files.readAllBytes(root.resolve("demo/placed-" + writerInFlight));
            assertEquals(2010, got.length);
            assertEquals(1, got[0]);
            assertEquals(2, got[1000]);
            assertEquals(3, got[2009]);
        }
    }
}
