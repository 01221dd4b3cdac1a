package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartTooSmallException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.FaultInjection.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the real filesystem provider, with faults injected into chosen part attempts. */
class UploaderTest {
    private static final int PART = 64 * 1024;
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMinutes(1));

    @TempDir
    Path tmp;

    private static Uploader.Builder uploader() {
        return Uploader.builder().partSize(PART).concurrency(4).retry(FAST_RETRY);
    }

    /** The seed's scenario: 50 parts, part 37 fails once mid-flight; only part 37 is sent again. */
    @Test
    void aPartFailingMidFlightIsResentAloneAndTheObjectIsExact() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("video", 50L * PART);
            f.faults.fail(37, 1, Fault.RESET_MIDWAY);
            AtomicInteger retriesSeen = new AtomicInteger();
            UploadResult r = uploader().listener(new TransferListener() {
                @Override
                public void onPartRetry(int part, int attempt, ChunkedUploadException cause, Duration backoff) {
                    assertEquals(37, part);
                    retriesSeen.incrementAndGet();
                }
            }).build().upload(f.backend, src, ObjectTarget.parse("fs://b/video"));
            assertEquals(50, r.partCount());
            assertEquals(51, f.faults.attempts.size(), "exactly one extra part upload");
            assertEquals(2, f.faults.attemptsOf(37));
            assertEquals(1, retriesSeen.get());
            long resent = f.faults.bytesRead.get() - 50L * PART;
            assertTrue(resent <= 1.05 * PART, "re-sent " + resent + " bytes for one part of " + PART);
            assertEquals(f.sha(src), f.objectSha("b", "video"));
        }
    }

    @Test
    void aNonRetryableFailureIsNotRetriedAndTheUploadIsAborted() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 20L * PART);
            f.faults.fail(3, 1, Fault.FATAL);
            ChunkedUploadException e = assertThrows(ChunkedUploadException.class,
                    () -> uploader().build().upload(f.backend, src, ObjectTarget.parse("fs://b/x")));
            assertTrue(e.getMessage().contains("injected fatal"), e.getMessage());
            assertEquals(1, f.faults.attemptsOf(3));
            assertTrue(f.backend.stat("b", "x").isEmpty());
            assertEquals(List.of(), f.backend.listPending("b", ""));
        }
    }

    @Test
    void retriesStopAtMaxAttemptsAndTheUploadIsAborted() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 8L * PART);
            f.faults.failAlways(2, Fault.RETRYABLE);
            assertThrows(TransientStorageException.class,
                    () -> uploader().build().upload(f.backend, src, ObjectTarget.parse("fs://b/x")));
            assertEquals(4, f.faults.attemptsOf(2));
            assertEquals(List.of(), f.backend.listPending("b", ""));
        }
    }

    @Test
    void keepOnFailureLeavesTheUploadAndItsJournalForResume() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 8L * PART);
            Path journal = tmp.resolve("j/upload.journal");
            f.faults.fail(5, 1, Fault.FATAL);
            assertThrows(ChunkedUploadException.class, () -> uploader().keepOnFailure(true).journal(journal).build()
                    .upload(f.backend, src, ObjectTarget.parse("fs://b/kept")));
            assertEquals(1, f.backend.listPending("b", "").size());
            assertTrue(Files.exists(journal));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
            var pending = f.backend.listPending("b", "").get(0);
            int onServer = f.backend.resume(pending.handle()).listParts().size();
            f.faults.attempts.clear();
            UploadResult r = uploader().build().resume(f.backend, journal).join();
            assertEquals(8, r.partCount());
            assertEquals(8 - onServer, f.faults.attempts.size(), "resume sends exactly the parts the server lacks");
            assertEquals(f.sha(src), f.objectSha("b", "kept"));
            assertFalse(Files.exists(journal), "the journal is deleted after complete");
        }
    }

    @Test
    void cancelStopsNewPartsPromptlyAndAbortsOrKeeps() throws Exception {
        for (boolean keep : new boolean[] {false, true}) {
            Path dir = Files.createDirectory(tmp.resolve("cancel-" + keep));
            try (EngineFixture f = new EngineFixture(dir)) {
                Path src = f.file("src", 40L * PART);
                f.faults.delayMillis = 100;
                Transfer t = uploader().concurrency(2).keepOnFailure(keep).build()
                        .start(f.backend, src, ObjectTarget.parse("fs://b/c"));
                while (t.progress().partsDone() < 2) {
                    Thread.sleep(5);
                }
                t.cancel();
                int decided = t.attemptsStarted(); // no attempt is decided after cancel() returned
                assertThrows(CancelledTransferException.class, t::join);
                assertTrue(f.faults.attempts.size() <= decided, "a part request was decided after cancel(): "
                        + f.faults.attempts.size() + " requests, " + decided + " decided before cancel() returned");
                assertTrue(f.faults.attempts.size() < 40, "cancel did not stop the transfer");
                assertTrue(f.backend.stat("b", "c").isEmpty());
                assertEquals(keep ? 1 : 0, f.backend.listPending("b", "").size());
            }
        }
    }

    @Test
    void partChecksumsAreSentWhereTheProviderVerifiesThem() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp, c -> c.toBuilder()
                .addFeature(org.chunkedupload.api.Capabilities.Feature.PART_CHECKSUM).build())) {
            Path src = f.file("src", 3L * PART + 5);
            UploadResult r = uploader().build().upload(f.backend, src, ObjectTarget.parse("fs://b/sum"));
            assertTrue(f.faults.attempts.stream().allMatch(FaultInjection.Attempt::checksumSent));
            assertTrue(r.checksum() != null, "the whole-object CRC-32C is reported");
            f.faults.attempts.clear();
            uploader().checksum(org.chunkedupload.api.ChecksumPolicy.NONE).build().upload(f.backend, src, ObjectTarget.parse("fs://b/nosum"));
            assertTrue(f.faults.attempts.stream().noneMatch(FaultInjection.Attempt::checksumSent));
        }
    }

    @Test
    void buffersAndEmptyFilesUpload() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            byte[] data = Files.readAllBytes(f.file("buf", 5L * PART + 17));
            UploadResult r = uploader().build().upload(f.backend, data, ObjectTarget.parse("fs://b/buf"));
            assertEquals(6, r.partCount());
            assertEquals(org.chunkedupload.tck.Payloads.sha256(List.of(data)), f.objectSha("b", "buf"));
            assertEquals(0, uploader().build().upload(f.backend, f.file("empty", 0), ObjectTarget.parse("fs://b/e")).size());
        }
    }

    @Test
    void impossiblePartSizesFailBeforeAnythingIsSent() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp, c -> c.toBuilder().partSize(PART, 1L << 30).build())) {
            Path src = f.file("src", 10L * PART);
            assertThrows(PartTooSmallException.class, () -> Uploader.builder().partSize(PART - 1).build()
                    .start(f.backend, src, ObjectTarget.parse("fs://b/x")));
            assertEquals(0, f.faults.attempts.size());
            assertTrue(Files.notExists(tmp.resolve("store/.chunked-uploads")), "nothing was initiated");
        }
    }

    @Test
    void resumeRefusesAChangedSource() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 8L * PART);
            Path journal = tmp.resolve("upload.journal");
            f.faults.fail(2, 1, Fault.FATAL);
            assertThrows(ChunkedUploadException.class, () -> uploader().keepOnFailure(true).journal(journal).build()
                    .upload(f.backend, src, ObjectTarget.parse("fs://b/changed")));
            byte[] b = Files.readAllBytes(src);
            b[PART * 3] ^= 1;
            Files.write(src, b);
            IntegrityException e = assertThrows(IntegrityException.class,
                    () -> uploader().build().resume(f.backend, journal));
            assertTrue(e.getMessage().contains("changed since the upload began"), e.getMessage());
        }
    }

    @Test
    void planReportsPartsRequestsAndMemoryWithoutMovingBytes() {
        var caps = org.chunkedupload.api.Capabilities.builder().partSize(5L << 20, 5L << 30).maxObjectSize(5L << 40).build();
        TransferPlan file = Uploader.builder().concurrency(8).build().plan(caps, "s3", 1L << 30);
        assertEquals(64, file.partCount());
        assertEquals(66, file.requests());
        assertEquals(0, file.peakBufferBytes());
        TransferPlan stream = Uploader.builder().concurrency(8).build().plan(caps, "s3", -1);
        assertEquals(9L * (8 << 20), stream.peakBufferBytes());
        assertTrue(stream.maxObjectSize() >= 5L << 40, "a stream can reach the provider's object limit: " + stream);
    }

    /** Receipts are sorted before complete; parts finish in any order. */
    @Test
    void parallelPartsFinishInAnyOrder() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 30L * PART + 1);
            UploadResult r = uploader().concurrency(8).build().upload(f.backend, src, ObjectTarget.parse("fs://b/p"));
            assertEquals(31, r.partCount());
            assertEquals(f.sha(src), f.objectSha("b", "p"));
            assertEquals(31, f.faults.attempts.size());
        }
    }
}
