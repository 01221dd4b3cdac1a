package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing outside the root is ever written, read or deleted: links below the root are never followed. */
class FilesystemContainmentTest {
    @TempDir
    Path tmp;
    Path root;
    Path outside;
    StorageBackend fs;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectories(tmp.resolve("store"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.write(outside.resolve("precious"), new byte[] {1, 2, 3});
        fs = ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", root.toString())));
    }

    @AfterEach
    void close() {
        fs.close();
    }

    private void assertOutsideUntouched() throws IOException {
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("precious")), s.toList(), "something was written outside the root");
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(outside.resolve("precious")));
    }

    private void assertRefusedNamingTheLink(Runnable r, String link) throws IOException {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, r::run);
        assertTrue(e.getMessage().contains(link) && e.getMessage().contains("symbolic link"), e.getMessage());
        assertOutsideUntouched();
    }

    @Test
    void aSymlinkedDirectoryInsideABucketIsRefused() throws IOException {
        Files.createDirectories(root.resolve("demo"));
        Files.createSymbolicLink(root.resolve("demo/sub"), outside);
        assertRefusedNamingTheLink(() -> fs.initiate(ObjectTarget.parse("fs://demo/sub/x")), "demo/sub");
        assertRefusedNamingTheLink(() -> fs.stat("demo", "sub/precious"), "demo/sub");
        assertRefusedNamingTheLink(() -> fs.read("demo", "sub/precious"), "demo/sub");
        assertRefusedNamingTheLink(() -> fs.delete("demo", "sub/precious"), "demo/sub");
    }

    @Test
    void aBucketThatIsASymlinkIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("evil"), outside);
        assertRefusedNamingTheLink(() -> fs.initiate(ObjectTarget.parse("fs://evil/x")), "evil");
    }

    @Test
    void aSymlinkedStagingAreaIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve(".chunked-uploads"), outside);
        assertRefusedNamingTheLink(() -> fs.initiate(ObjectTarget.parse("fs://demo/x")), ".chunked-uploads");
        assertRefusedNamingTheLink(() -> fs.listPending("demo", ""), ".chunked-uploads");
    }

    @Test
    void aSymlinkedBucketStagingDirectoryIsRefused() throws IOException {
        Files.createDirectories(root.resolve(".chunked-uploads"));
        Files.createSymbolicLink(root.resolve(".chunked-uploads/demo"), outside);
        assertRefusedNamingTheLink(() -> fs.initiate(ObjectTarget.parse("fs://demo/x")), "demo");
    }

    @Test
    void aSymlinkedUploadDirectoryIsNeitherListedNorDeletedThroughTheLink() throws IOException {
        ChunkedUploadSession real = fs.initiate(ObjectTarget.parse("fs://demo/real"));
        real.uploadPart(1, new byte[10]);
        String id = "0123456789abcdef0123456789abcdef";
        Files.write(outside.resolve("upload.properties"), "key=victim\ninitiated=2020-01-01T00:00:00Z\n".getBytes());
        Files.createSymbolicLink(root.resolve(".chunked-uploads/demo/" + id), outside);
        Files.delete(outside.resolve("upload.properties"));
        assertEquals(List.of(real.handle()), fs.listPending("demo", "").stream().map(p -> p.handle()).toList());
        UploadHandle h = UploadHandle.of("fs", "demo", "victim", id);
        assertRefusedNamingTheLink(() -> fs.resume(h).abort(), id);
        assertTrue(Files.isSymbolicLink(root.resolve(".chunked-uploads/demo/" + id)), "the link itself is left alone");
        real.abort();
    }

    @Test
    void aLinkAtTheKeyIsReplacedNotWrittenThrough() throws IOException {
        Files.createDirectories(root.resolve("demo"));
        Files.createSymbolicLink(root.resolve("demo/obj"), outside.resolve("precious"));
        assertTrue(fs.stat("demo", "obj").isEmpty(), "a link is not an object");
        assertFalse(fs.delete("demo", "obj"), "a link is never deleted as an object");
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/obj"));
        PartReceipt r = s.uploadPart(1, new byte[] {7, 7});
        s.complete(List.of(r));
        assertFalse(Files.isSymbolicLink(root.resolve("demo/obj")));
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(root.resolve("demo/obj")));
        assertOutsideUntouched();
    }

    @Test
    void aLinkPlantedInsideAnUploadIsNeverFollowedByAbort() throws IOException {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/k"));
        s.uploadPart(1, new byte[10]);
        Path dir = root.resolve(".chunked-uploads/demo/" + s.handle().uploadId());
        Files.createSymbolicLink(dir.resolve("sub"), outside);
        assertThrows(RuntimeException.class, s::abort);
        assertOutsideUntouched();
        assertEquals(1, fs.listPending("demo", "").size(), "what abort could not remove stays visible to pending");
    }
}
