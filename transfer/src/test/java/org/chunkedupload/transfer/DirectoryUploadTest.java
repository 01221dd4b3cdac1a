package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory upload: every file to prefix/relative-path, one budget of parts for all, failures reported, skips. */
class DirectoryUploadTest {
    private static final int PART = 1 << 20;

    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Random rnd = new Random(9);
        for (int i = 0; i < 12; i++) {
            byte[] small = new byte[1000 + i];
            rnd.nextBytes(small);
            Files.write(Files.createDirectories(dir.resolve("small/" + (i % 3))).resolve("f" + i + ".txt"), small);
        }
        byte[] big = new byte[5 * PART + 17];
        rnd.nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Files.write(dir.resolve("skip.tmp"), new byte[3]);
        Files.createSymbolicLink(dir.resolve("link.bin"), dir.resolve("big.bin"));
        return dir;
    }

    @Test
    void everyFileLandsUnderThePrefixWithinOneBudgetOfParts() throws Exception {
        Path dir = tree();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TransferListener watch = new TransferListener() {
            @Override
            public void onPartStarted(UploadHandle handle, int partNumber, int attempt) {
                threads.add(Thread.currentThread().getName());
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }

            @Override
            public void onPartFinished(UploadHandle handle, int partNumber, long bytes, java.time.Duration elapsed,
                                       org.chunkedupload.api.ChunkedUploadException failure) {
                inFlight.decrementAndGet();
            }
        };
        try (EngineFixture f = new EngineFixture(tmp)) {
            Uploader u = Uploader.builder().partSize(PART).concurrency(3).listener(watch).build();
            TreeProgress progress = new TreeProgress();
            DirectoryUpload.Result r = DirectoryUpload.upload(u, f.backend, dir, "demo", "backup",
                    new DirectoryUpload.Options(List.of(), List.of("**.tmp"), false, false, null), progress);
            TransferProgress p = progress.snapshot();
            long bytes = 12 * 1000 + 66 + 5 * PART + 17;
            assertTrue(p.phase() == TransferProgress.Phase.DONE && p.partsDone() == 13 && p.partsTotal() == 13
                    && p.bytesSent() == bytes && p.bytesTotal() == bytes, "the tree's figures: " + p);
            assertEquals(13, r.count(DirectoryUpload.Status.UPLOADED), "12 small, 1 big; the .tmp excluded, the link not followed");
            assertEquals(0, r.count(DirectoryUpload.Status.FAILED));
            assertEquals(f.sha(dir.resolve("big.bin")), f.objectSha("demo", "backup/big.bin"));
            assertEquals(f.sha(dir.resolve("small/1/f4.txt")), f.objectSha("demo", "backup/small/1/f4.txt"));
            assertTrue(most.get() <= 3, "never more parts in flight than the budget: " + most.get());
            assertTrue(threads.size() <= 3 && threads.stream().allMatch(n -> n.startsWith("chunked-upload-tree-part-")),
                    "13 files share one pool of 3 part workers, no pool per file: " + threads);
            assertTrue(f.backend.stat("demo", "backup/link.bin").isEmpty(), "a link is not uploaded");

            DirectoryUpload.Result again = DirectoryUpload.upload(u, f.backend, dir, "demo", "backup",
                    new DirectoryUpload.Options(List.of("**.txt", "*.bin"), List.of(), true, false, null));
            assertEquals(13, again.count(DirectoryUpload.Status.SKIPPED), "same size and CRC-32C: skipped");
        }
    }

    @Test
    void aFailingFileIsReportedAndTheOthersFinish() throws Exception {
        Path dir = tree();
        new ProcessBuilder("mkfifo", dir.resolve("small/0/pipe").toString()).start().waitFor();
        try (EngineFixture f = new EngineFixture(tmp)) {
            DirectoryUpload.Result r = DirectoryUpload.upload(Uploader.builder().partSize(PART).build(), f.backend, dir,
                    "demo", "", DirectoryUpload.Options.defaults());
            assertEquals(1, r.count(DirectoryUpload.Status.FAILED), r.files().toString());
            DirectoryUpload.FileOutcome bad = r.files().stream().filter(o -> o.status() == DirectoryUpload.Status.FAILED)
                    .findFirst().orElseThrow();
            assertTrue(bad.file().endsWith("pipe") && bad.error().contains("not a regular file"), bad.toString());
            assertEquals(14, r.count(DirectoryUpload.Status.UPLOADED), "every other file, the .tmp too");
        }
    }
}
