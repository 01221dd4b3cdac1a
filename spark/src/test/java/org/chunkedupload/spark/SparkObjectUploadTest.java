package org.chunkedupload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One giant object uploaded by Spark tasks (local mode) to the filesystem provider: byte-exact from
 * 16 tasks; a task dying in the middle of a part is run again by Spark and the object is still
 * byte-exact; a job that fails for good leaves nothing pending; a kept job is finished by a second
 * job that sends only the parts the store does not hold.
 */
class SparkObjectUploadTest {
    private static final long MIB = 1 << 20;
    @TempDir
    static Path tmp;
    private static Path big;

    @BeforeAll
    static void source() throws IOException {
        big = tmp.resolve("big.bin");
        byte[] block = new byte[(int) (4 * MIB)];
        Random rnd = new Random(7);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 256; i++) { // 1 GiB
                rnd.nextBytes(block);
                out.write(block);
            }
        }
    }

    @AfterEach
    void reset() {
        FlakyProvider.reset();
    }

    private static ExecutorConfig config() {
        return ExecutorConfig.of(Map.of("provider", "flaky", "bucket", "demo", "flaky.root", tmp.resolve("store").toString(),
                "flaky.fsync", "false"));
    }

    static String sha(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void assertSame(StorageBackend b, String key) throws Exception {
        assertEquals(sha(Files.newInputStream(big)), sha(b.read("demo", key)), key + " is byte-exact");
        assertEquals(List.of(), b.listPending("demo", ""), "nothing pending");
    }

    /** @return the parts the kept upload holds, once no task of the failed job adds any more */
    private static int settledParts(UploadManifest m) throws InterruptedException {
        int before = -1;
        for (int i = 0; i < 60; i++) {
            int now = config().backend().resume(m.handle()).listParts().size();
            if (now == before) {
                return now;
            }
            before = now;
            Thread.sleep(500);
        }
        throw new AssertionError("the failed job's tasks kept sending parts for 30 s");
    }

    @Test
    void oneGibFromSixteenTasksIsByteExact() throws Exception {
        SparkUpload job = SparkUpload.builder(SparkFixture.context(), config()).partSize(16 * MIB).tasks(16).build();
        UploadResult r = job.uploadObject(big.toString(), ObjectTarget.parse("flaky://demo/giant.bin"));
        assertEquals(1L << 30, r.size());
        assertEquals(64, r.partCount());
        assertEquals(64, job.partsSent(), "the accumulators saw every part");
        assertEquals(1L << 30, job.bytesSent());
        assertSame(config().backend(), "giant.bin");
    }

    @Test
    void aTaskDyingInThePartIsRunAgainAndTheObjectIsByteExact() throws Exception {
        FlakyProvider.failPart = 7;
        FlakyProvider.failuresLeft.set(1);
        SparkUpload job = SparkUpload.builder(SparkFixture.context(), config()).partSize(16 * MIB).tasks(8).build();
        UploadResult r = job.uploadObject(big.toString(), ObjectTarget.parse("flaky://demo/retried.bin"));
        assertEquals(1L << 30, r.size());
        assertEquals(0, FlakyProvider.failuresLeft.get() > 0 ? 1 : 0, "the injected failure happened");
        assertTrue(FlakyProvider.sent.stream().filter(n -> n == 7).count() == 1, "part 7 reached the store once, whole");
        assertSame(config().backend(), "retried.bin");
    }

    @Test
    void aJobThatFailsForGoodAbortsItsUpload() throws Exception {
        FlakyProvider.failPart = 3;
        FlakyProvider.failuresLeft.set(Integer.MAX_VALUE);
        SparkUpload job = SparkUpload.builder(SparkFixture.context(), config()).partSize(64 * MIB).tasks(4).build();
        ChunkedUploadException e = assertThrows(ChunkedUploadException.class,
                () -> job.uploadObject(big.toString(), ObjectTarget.parse("flaky://demo/failed.bin")));
        assertTrue(e.getMessage().contains("its upload was aborted"), e.getMessage());
        assertEquals(List.of(), config().backend().listPending("demo", "failed"), "nothing pending");
        assertTrue(config().backend().stat("demo", "failed.bin").isEmpty());
    }

    @Test
    void aKeptJobIsFinishedByASecondJobThatSendsOnlyWhatIsMissing() throws Exception {
        FlakyProvider.failPart = 14;
        FlakyProvider.failuresLeft.set(Integer.MAX_VALUE);
        SparkUpload first = SparkUpload.builder(SparkFixture.context(), config()).partSize(64 * MIB).tasks(4)
                .keepOnFailure(true).build();
        SparkUploadException kept = assertThrows(SparkUploadException.class,
                () -> first.uploadObject(big.toString(), ObjectTarget.parse("flaky://demo/kept.bin")));
        assertEquals(1, config().backend().listPending("demo", "kept").size(), "the upload is kept");
        int stored = settledParts(kept.manifest());
        assertTrue(stored >= 1 && stored < 16, "some parts are on the store: " + stored);

        FlakyProvider.reset();
        UploadManifest manifest = UploadManifest.decode(kept.manifest().encode());
        SparkUpload second = SparkUpload.builder(SparkFixture.context(), config()).partSize(64 * MIB).tasks(4).build();
        UploadResult r = second.resume(manifest);
        assertEquals(1L << 30, r.size());
        assertEquals(16 - stored, FlakyProvider.sent.size(), "only the missing parts were sent: " + FlakyProvider.sent);
        assertSame(config().backend(), "kept.bin");
    }
}
