package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.tck.FaultProxy;
import org.chunkedupload.tck.FaultProxy.Action;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 provider and the engine behind a fault-injecting proxy in front of S3Mock: each fault on the
 * wire ends with the correct object and the correct report.
 */
class S3FaultProxyTest {
    private static final String BUCKET = "faults";
    private static LocalServer s3mock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startS3() {
        s3mock = Emulators.s3mock(System.getProperty("s3mock.jar"), BUCKET);
    }

    @AfterAll
    static void stopS3() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    record Run(int code, String out, String err) { }

    private static String[] s3(String endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "endpoint=" + endpoint, "-o", "access-key-id=test", "-o", "secret-access-key=test-secret"));
        return all.toArray(String[]::new);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static StorageBackend direct() {
        return ProviderRegistry.load().open(BackendConfig.of("s3", Map.of("endpoint", s3mock.url(),
                "access-key-id", "test", "secret-access-key", "test-secret")));
    }

    private Path file(String name) throws IOException {
        byte[] b = new byte[(12 << 20) + 12345];
        new java.util.Random(name.hashCode()).nextBytes(b);
        return Files.write(tmp.resolve(name), b);
    }

    private static void assertStoredExactly(Path file, String key) throws Exception {
        try (StorageBackend s3 = direct(); InputStream in = s3.read(BUCKET, key)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            assertArrayEquals(md.digest(Files.readAllBytes(file)), MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()),
                    "the object is byte-exact");
            assertEquals(List.of(), s3.listPending(BUCKET, key), "nothing is left pending");
        }
    }

    private Run putThrough(FaultProxy proxy, Path file, String key) {
        return run(s3(proxy.url(), "put", file.toString(), "s3://" + BUCKET + "/" + key, "--part-size", "5MiB",
                "--journal", tmp.resolve(key + ".journal").toString(), "--quiet"));
    }

    @Test
    void aConnectionResetInTheMiddleOfAPartIsRetriedAndTheObjectIsExact() throws Exception {
        AtomicBoolean once = new AtomicBoolean();
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), r -> r.method().equals("PUT") && r.uri().contains("partNumber=2")
                && once.compareAndSet(false, true) ? Action.RESET_MID_BODY : Action.FORWARD)) {
            Path f = file("reset");
            Run r = putThrough(proxy, f, "reset.bin");
            assertEquals(0, r.code(), r.err());
            assertTrue(once.get(), "the fault was injected");
            assertStoredExactly(f, "reset.bin");
        }
    }

    @Test
    void aLostResponseToCompleteIsASuccessWhenTheObjectIsThere() throws Exception {
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), FaultProxy.Rule.onS3Complete(c -> c == 1 ? Action.DROP_RESPONSE
                : Action.FORWARD))) {
            Path f = file("lost");
            Run r = putThrough(proxy, f, "lost.bin");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("uploaded"), r.out());
            assertStoredExactly(f, "lost.bin");
            assertTrue(proxy.completesSeen() >= 1);
            assertFalse(Files.exists(tmp.resolve("lost.bin.journal")), "a successful upload leaves no journal");
        }
    }

    @Test
    void aRetriedCompleteAnsweredNoSuchUploadIsASuccessWhenTheObjectIsThere() throws Exception {
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), FaultProxy.Rule.onS3Complete(c -> c == 1 ? Action.DROP_RESPONSE
                : Action.NO_SUCH_UPLOAD))) {
            Path f = file("nsu");
            Run r = putThrough(proxy, f, "nsu.bin");
            assertEquals(0, r.code(), r.err());
            assertStoredExactly(f, "nsu.bin");
            assertTrue(proxy.completesSeen() >= 2, "the SDK retried complete: " + proxy.completesSeen());
            assertFalse(Files.exists(tmp.resolve("nsu.bin.journal")));
        }
    }

    @Test
    void aNoSuchUploadWithoutAnObjectIsAFailureSayingSo() throws Exception {
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), FaultProxy.Rule.onS3Complete(c -> Action.NO_SUCH_UPLOAD))) {
            Run r = putThrough(proxy, file("never"), "never.bin");
            assertEquals(4, r.code(), r.err());
            assertTrue(r.err().contains("there is no object at s3://faults/never.bin"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void aProcessKilledDuringCompleteIsFinishedByResume() throws Exception {
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), FaultProxy.Rule.onS3Complete(c -> c == 1 ? Action.HOLD_RESPONSE
                : Action.FORWARD))) {
            Path f = file("killed");
            Path journal = tmp.resolve("killed.journal");
            try (ChildCli child = new ChildCli(tmp, s3(proxy.url(), "put", f.toString(), "s3://" + BUCKET + "/killed.bin",
                    "--part-size", "5MiB", "--journal", journal.toString(), "--quiet"))) {
                assertTrue(proxy.held.await(60, TimeUnit.SECONDS), "complete reached the server");
                child.signal("KILL");
                assertEquals(137, child.waitFor(Duration.ofSeconds(30)));
            }
            assertTrue(Files.exists(journal), "the killed run left its journal");
            Run r = run(s3(s3mock.url(), "resume", journal.toString(), "--quiet"));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("uploaded"), r.out());
            assertStoredExactly(f, "killed.bin");
            assertFalse(Files.exists(journal));
        }
    }
}
