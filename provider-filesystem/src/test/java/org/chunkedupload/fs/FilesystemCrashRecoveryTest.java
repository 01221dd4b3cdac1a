package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while completing or aborting leaves nothing hidden: pending shows it, abort frees it, resume finishes it. */
class FilesystemCrashRecoveryTest {
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

    /** Runs {@link DyingComplete} in a child JVM and returns the upload id it printed before dying. */
    private UploadHandle dieAt(String mode, String target) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DyingComplete.class.getName(), root.toString(), target, mode)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(137, p.waitFor(), out);
        ObjectTarget t = ObjectTarget.parse(target);
        return UploadHandle.of("fs", t.bucket(), t.key(), out);
    }

    private long hiddenBytes() throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve(".chunked-uploads"))) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void aCompleteKilledAfterItsClaimIsPendingWithItsBytesAndResumeRollsItBack() throws Exception {
        UploadHandle h = dieAt("claimed", "fs://demo/obj");
        List<PendingUpload> pending = fs.listPending("demo", "");
        assertEquals(1, pending.size(), "the interrupted complete is visible");
        assertEquals(h, pending.get(0).handle());
        assertTrue(pending.get(0).bytesHeld().getAsLong() >= 3000, pending.toString());
        ChunkedUploadSession s = fs.resume(h);
        assertEquals(3, s.listParts().size(), "the parts are intact after the rollback");
        s.complete(s.listParts());
        byte[] got = Files.readAllBytes(root.resolve("demo/obj"));
        assertEquals(3000, got.length);
        assertEquals(3, got[2999]);
        assertEquals(List.of(), fs.listPending("demo", ""));
        assertEquals(0, hiddenBytes());
    }

    @Test
    void aCompleteKilledAfterItPublishedInPlaceIsFinishedByResumeOrAbort() throws Exception {
        UploadHandle h = dieAt("published", "fs://demo/obj");
        assertEquals(List.of(h), fs.listPending("demo", "").stream().map(PendingUpload::handle).toList());
        assertThrows(NoSuchUploadException.class, () -> fs.resume(h).listParts(),
                "the object was published: the upload is over");
        assertEquals(List.of(), fs.listPending("demo", ""));
        assertEquals(0, hiddenBytes());
        assertEquals(3000, Files.size(root.resolve("demo/obj")));
    }

    @Test
    void aKilledCompleteIsFreedBySweepsAbort() throws Exception {
        UploadHandle h = dieAt("claimed", "fs://demo/obj");
        fs.resume(h).abort();
        assertEquals(List.of(), fs.listPending("demo", ""));
        assertEquals(0, hiddenBytes());
        assertTrue(fs.stat("demo", "obj").isEmpty());
    }

    @Test
    void aKilledAbortIsPendingAndFinishedByAbort() throws Exception {
        UploadHandle h = dieAt("aborting", "fs://demo/obj");
        List<PendingUpload> pending = fs.listPending("demo", "");
        assertEquals(List.of(h), pending.stream().map(PendingUpload::handle).toList());
        assertTrue(pending.get(0).bytesHeld().getAsLong() >= 3000);
        assertThrows(NoSuchUploadException.class, () -> fs.resume(h).listParts());
        fs.resume(h).abort();
        assertEquals(List.of(), fs.listPending("demo", ""));
        assertEquals(0, hiddenBytes());
    }

    @Test
    void aRunningCompleteIsNotRolledBack() throws Exception {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/live"));
        s.uploadPart(1, new byte[10]);
        Path dir = root.resolve(".chunked-uploads/demo/" + s.handle().uploadId());
        try (Claims.Held held = Claims.claimForComplete(dir, s.handle().uploadId())) {
            fs.resume(s.handle());
            assertTrue(Files.isDirectory(held.claimed), "a complete in progress keeps its claim");
        }
    }

    @Test
    void concurrentCompletesOfOneUploadAllReportTheOneObject() throws Exception {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/race"));
        var receipts = List.of(s.uploadPart(1, new byte[1 << 20]));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<org.chunkedupload.api.UploadResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> s.complete(receipts)));
            }
            for (var f : results) { // one publishes; the others find the upload gone and its object exactly there
                org.chunkedupload.api.UploadResult r = f.get();
                assertEquals(1 << 20, r.size());
                assertEquals(results.get(0).get().checksum(), r.checksum());
            }
            assertEquals(1 << 20, Files.size(root.resolve("demo/race")));
            assertEquals(List.of(), fs.listPending("demo", ""));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTemporaryLeftByAJoinThatDiedIsRemovedByTheNextComplete() throws Exception {
        ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/joined")); // no part-size hint: complete joins
        var receipts = List.of(s.uploadPart(1, new byte[100]), s.uploadPart(2, new byte[50]));
        Path dir = root.resolve(".chunked-uploads/demo/" + s.handle().uploadId());
        JoinTemporaries temporaries = new JoinTemporaries(root.resolve("demo/joined"), s.handle().uploadId());
        Path stray = temporaries.next();
        temporaries.mark(dir, stray); // what a join leaves when its process dies before the rename
        Files.write(stray, new byte[70]);
        s.complete(receipts);
        assertTrue(Files.notExists(stray), "the dead join's temporary is gone");
        assertEquals(150, Files.size(root.resolve("demo/joined")));
        try (Stream<Path> left = Files.list(root.resolve("demo"))) {
            assertEquals(List.of(root.resolve("demo/joined")), left.toList(), "nothing else next to the object");
        }
    }
}
