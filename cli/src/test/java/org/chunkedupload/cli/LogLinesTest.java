package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chunkedupload.tck.FaultProxy;
import org.chunkedupload.tck.FaultProxy.Action;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the library logs through SLF4J on a real run against S3Mock with injected faults: each
 * recovered fault at WARN with its cause, the resolution of a lost complete, the abort of a failed
 * transfer — and never the secret key it was configured with, at any level (ours and the SDK's at
 * DEBUG, see the surefire configuration).
 */
class LogLinesTest {
    private static final String BUCKET = "logs";
    private static final String SECRET = "S3cr3t-Never-Logged-42";
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

    private static int put(String endpoint, Path file, String key, String... more) {
        String[] base = {"put", file.toString(), "s3://" + BUCKET + "/" + key, "--part-size", "5MiB", "--quiet",
                "-o", "endpoint=" + endpoint, "-o", "access-key-id=logtest", "-o", "secret-access-key=" + SECRET};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    private static Path logFile() {
        return Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    }

    private static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(logFile());
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    @Test
    void recoveredFaultsAreWarningsTheAbortIsSaidAndTheSecretIsNeverLogged() throws Exception {
        org.slf4j.LoggerFactory.getLogger(LogLinesTest.class).info("log capture starts"); // creates the file
        long start = Files.size(logFile());
        byte[] data = new byte[(11 << 20) + 7];
        new java.util.Random(7).nextBytes(data);
        Path f = Files.write(tmp.resolve("src"), data);

        AtomicBoolean reset = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger completes = new java.util.concurrent.atomic.AtomicInteger();
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), r -> r.isS3Complete()
                ? (completes.incrementAndGet() == 1 ? Action.DROP_RESPONSE : Action.NO_SUCH_UPLOAD)
                : r.method().equals("PUT") && r.uri().contains("partNumber=2") && reset.compareAndSet(false, true)
                ? Action.RESET_MID_BODY : Action.FORWARD)) {
            assertEquals(0, put(proxy.url(), f, "ok.bin"));
        }
        try (FaultProxy broken = new FaultProxy(s3mock.port(), r -> r.method().equals("PUT") && r.uri().contains("partNumber=3")
                ? Action.RESET_MID_BODY : Action.FORWARD)) {
            assertNotEquals(0, put(broken.url(), f, "failed.bin", "--retries", "1"));
        }

        String log = logSince(start);
        assertTrue(log.contains("WARN") && log.contains("part 2 of s3://logs/ok.bin failed (attempt 1 of")
                && log.contains("retrying in"), "a retried part is a warning naming the part and the back-off:\n" + log);
        assertTrue(log.contains("complete of s3://logs/ok.bin was answered 'no such upload', but the object at the key"
                + " holds exactly this upload's parts"), "a lost complete is resolved and said so:\n" + log);
        assertFalse(log.contains("part 1 of s3://logs/failed.bin failed"), "parts stopped by the failure are no retries");
        assertTrue(log.contains("transfer to s3://logs/failed.bin failed") && log.contains("aborting upload"),
                "the abort of a failed transfer is logged:\n" + log);
        assertFalse(log.lines().anyMatch(l -> l.contains(" ERROR ")), "nothing recovered or cleaned up is an ERROR:\n"
                + log);
        assertFalse(log.contains(SECRET), "the secret key never reaches a log line");
    }

    /** The CLI as users run it: silent by default, ours with --verbose, the SDKs' too with -vv; never the secret. */
    @Test
    void theCliIsQuietByDefaultAndVerboseOnRequest() throws Exception {
        byte[] data = new byte[(6 << 20) + 3];
        new java.util.Random(8).nextBytes(data);
        Path f = Files.write(tmp.resolve("small"), data);
        String quiet = childStderr(f, "quiet.bin");
        String verbose = childStderr(f, "verbose.bin", "--verbose");
        String sdks = childStderr(f, "sdks.bin", "-vv");
        assertFalse(quiet.contains("retrying") || quiet.contains("DEBUG") || quiet.contains("INFO"),
                "no log lines by default:\n" + quiet);
        assertTrue(verbose.contains("WARN TransferRun - part 1 of s3://logs/verbose.bin failed (attempt 1")
                && !verbose.contains("software.amazon"), "--verbose shows ours, not the SDK's:\n" + verbose);
        assertTrue(verbose.lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN TransferRun - .*")),
                "log lines start with the time:\n" + verbose);
        assertTrue(sdks.contains("retrying in") && sdks.contains("software.amazon.awssdk"),
                "-vv adds the SDK's lines:\n" + sdks.lines().limit(40).collect(java.util.stream.Collectors.joining("\n")));
        for (String err : new String[] {quiet, verbose, sdks}) {
            assertFalse(err.contains(SECRET), "the secret key never reaches stderr");
        }
    }

    private String childStderr(Path file, String key, String... flags) throws Exception {
        AtomicBoolean reset = new AtomicBoolean();
        try (FaultProxy proxy = new FaultProxy(s3mock.port(), r -> r.method().equals("PUT") && r.uri().contains("partNumber=1")
                && reset.compareAndSet(false, true) ? Action.RESET_MID_BODY : Action.FORWARD)) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("put", file.toString(),
                    "s3://" + BUCKET + "/" + key, "--part-size", "5MiB", "--quiet", "-o", "endpoint=" + proxy.url(),
                    "-o", "access-key-id=logtest", "-o", "secret-access-key=" + SECRET));
            args.addAll(java.util.List.of(flags));
            try (ChildCli child = new ChildCli(tmp, args.toArray(String[]::new))) {
                assertEquals(0, child.waitFor(java.time.Duration.ofMinutes(2)), child.stderr());
                assertTrue(reset.get(), "the fault was injected");
                return child.stderr();
            }
        }
    }
}
