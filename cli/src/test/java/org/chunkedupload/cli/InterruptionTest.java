package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.tck.FaultProxy;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C and kill(1) during put: the upload is aborted (or kept and resumable) before the process exits. */
class InterruptionTest {
    private static final Duration EXIT = Duration.ofSeconds(90);
    private static LocalServer s3mock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startS3() {
        s3mock = Emulators.s3mock(System.getProperty("s3mock.jar"), "signals");
    }

    @AfterAll
    static void stopS3() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    private static String[] s3(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "endpoint=" + s3mock.url(), "-o", "access-key-id=test", "-o", "secret-access-key=test-secret"));
        return all.toArray(String[]::new);
    }

    private static StorageBackend s3Backend() {
        return ProviderRegistry.load().open(BackendConfig.of("s3", Map.of("endpoint", s3mock.url(),
                "access-key-id", "test", "secret-access-key", "test-secret")));
    }

    private static long heldBytes(StorageBackend b, String bucket, String prefix) {
        return b.listPending(bucket, prefix).stream().mapToLong(p -> p.bytesHeld().orElse(0)).sum();
    }

    private Path bigFile(long size) throws IOException {
        Path f = tmp.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        new java.util.Random(7).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long n = 0; n < size; n += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - n));
            }
        }
        return f;
    }

    @Test
    void ctrlCDuringAnFsPutAbortsTheUploadBeforeExiting130() throws Exception {
        Path root = tmp.resolve("store");
        try (ChildCli child = new ChildCli(tmp, "put", "-", "fs://demo/piped", "-o", "root=" + root, "--part-size", "1MiB",
                "--quiet"); StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", root.toString())))) {
            OutputStream stdin = child.process.getOutputStream();
            stdin.write(new byte[5 << 20]);
            stdin.flush();
            ChildCli.await(Duration.ofSeconds(60), () -> heldBytes(fs, "demo", "") >= 2 << 20, "parts are staged");
            child.signal("INT");
            stdin.close(); // Ctrl-C ends the producer of a pipeline too
            assertEquals(130, child.waitFor(EXIT), child.stderr());
            assertTrue(child.stderr().contains("was aborted and nothing of it is left"), child.stderr());
            assertEquals(List.of(), fs.listPending("demo", ""));
            try (Stream<Path> s = Files.walk(root.resolve(".chunked-uploads"))) {
                assertEquals(0, s.filter(Files::isRegularFile).count(), "nothing hidden is left");
            }
            assertTrue(fs.stat("demo", "piped").isEmpty());
        }
    }

    @Test
    void sigtermDuringAnS3PutAbortsTheUploadBeforeExiting143() throws Exception {
        Path f = bigFile(200L << 20);
        try (ChildCli child = new ChildCli(tmp, s3("put", f.toString(), "s3://signals/term.bin", "--part-size", "5MiB",
                "--concurrency", "1", "--quiet")); StorageBackend s3 = s3Backend()) {
            ChildCli.await(Duration.ofSeconds(60), () -> heldBytes(s3, "signals", "term") > 0, "a part has landed");
            child.signal("TERM");
            assertEquals(143, child.waitFor(EXIT), child.stderr());
            assertEquals(List.of(), s3.listPending("signals", "term"), "the upload was aborted");
            assertTrue(s3.stat("signals", "term.bin").isEmpty());
        }
    }

    @Test
    void ctrlCWithKeepOnFailurePrintsTheResumeCommandThatFinishesTheUpload() throws Exception {
        Path f = bigFile(120L << 20);
        Path journal = tmp.resolve("keep.journal");
        try (ChildCli child = new ChildCli(tmp, s3("put", f.toString(), "s3://signals/kept.bin", "--part-size", "5MiB",
                "--concurrency", "1", "--keep-on-failure", "--journal", journal.toString(), "--quiet"));
             StorageBackend s3 = s3Backend()) {
            ChildCli.await(Duration.ofSeconds(60), () -> heldBytes(s3, "signals", "kept") > 0, "a part has landed");
            child.signal("INT");
            assertEquals(130, child.waitFor(EXIT), child.stderr());
            assertTrue(child.stderr().contains("chunked-upload resume " + journal), child.stderr());
            List<PendingUpload> kept = s3.listPending("signals", "kept");
            assertEquals(1, kept.size(), "the upload was kept");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(s3("resume", journal.toString(), "--quiet"), new PrintWriter(out, true),
                    new PrintWriter(err, true));
            assertEquals(0, code, err.toString());
            assertEquals(Files.size(f), s3.stat("signals", "kept.bin").orElseThrow().size());
            assertEquals(List.of(), s3.listPending("signals", "kept"));
            assertFalse(Files.exists(journal));
        }
    }

    @Test
    void aSecondCtrlCExitsAtOnceSayingWhatWasLeft() throws Exception {
        Path f = bigFile(120L << 20);
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), r -> r.method().equals("DELETE") && r.uri().contains("uploadId=")
                ? FaultProxy.Action.HOLD_RESPONSE : FaultProxy.Action.FORWARD); // the abort never answers
             ChildCli child = new ChildCli(tmp, "put", f.toString(), "s3://signals/twice.bin", "--part-size", "5MiB",
                     "--concurrency", "1", "--quiet", "-o", "endpoint=" + proxy.url(), "-o", "access-key-id=test", "-o",
                     "secret-access-key=test-secret");
             StorageBackend s3 = s3Backend()) {
            ChildCli.await(Duration.ofSeconds(60), () -> heldBytes(s3, "signals", "twice") > 0, "a part has landed");
            String id = s3.listPending("signals", "twice").get(0).handle().uploadId();
            child.signal("INT");
            org.junit.jupiter.api.Assertions.assertTrue(proxy.held.await(30, java.util.concurrent.TimeUnit.SECONDS),
                    "the abort reached the server and hangs");
            long start = System.nanoTime();
            child.signal("INT");
            assertEquals(130, child.waitFor(EXIT), child.stderr());
            assertTrue((System.nanoTime() - start) / 1e9 < 10, "the second Ctrl-C exits at once");
            assertTrue(child.stderr().contains("interrupted again") && child.stderr().contains("--upload-id " + id),
                    "names what was left and how to free it: " + child.stderr());
            s3.listPending("signals", "twice").forEach(p -> s3.resume(p.handle()).abort());
        }
    }
}
