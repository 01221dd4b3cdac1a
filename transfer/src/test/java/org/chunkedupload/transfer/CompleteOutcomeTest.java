package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.FaultInjection.CompleteFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An unknown outcome of complete is resolved by looking at the store, never guessed. */
class CompleteOutcomeTest {
    private static final int PART = 64 * 1024;
    private static final ObjectTarget TARGET = ObjectTarget.parse("fs://demo/obj");

    @TempDir
    Path tmp;

    private static Uploader.Builder uploader() {
        return Uploader.builder().partSize(PART).concurrency(4)
                .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @EnumSource(value = CompleteFault.class, names = {"RESPONSE_LOST", "RETRY_ANSWERED_NO_SUCH_UPLOAD"})
    void aCompleteThatHappenedIsASuccessAndTheJournalIsGone(CompleteFault fault) throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 5L * PART + 7);
            Path journal = tmp.resolve("j");
            f.faults.completeFault = fault;
            UploadResult r = uploader().journal(journal).build().upload(f.backend, src, TARGET);
            assertEquals(5L * PART + 7, r.size());
            assertEquals(f.sha(src), f.objectSha("demo", "obj"));
            assertFalse(Files.exists(journal), "a successful upload leaves no journal");
            assertEquals(List.of(), f.backend.listPending("demo", ""));
        }
    }

    @Test
    void aTransientFailureOfCompleteWithNoObjectYetIsCompletedAgainNotAborted() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 3L * PART + 5);
            f.faults.completeFault = CompleteFault.TRANSIENT_ONCE;
            UploadResult r = uploader().build().upload(f.backend, src, TARGET);
            assertEquals(3L * PART + 5, r.size());
            assertEquals(f.sha(src), f.objectSha("demo", "obj"));
        }
    }

    @Test
    void anUploadThatVanishedIsAFailureSayingThatNoObjectIsThere() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 3L * PART);
            f.faults.completeFault = CompleteFault.UPLOAD_VANISHED;
            NoSuchUploadException e = assertThrows(NoSuchUploadException.class,
                    () -> uploader().build().upload(f.backend, src, TARGET));
            assertTrue(e.getMessage().contains("there is no object at fs://demo/obj"), e.getMessage());
        }
    }

    @Test
    void anotherObjectAtTheKeyIsNeverTakenForThisUploads() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path other = f.file("other", 3L * PART + 1);
            uploader().build().upload(f.backend, other, TARGET);
            Path src = f.file("src", 3L * PART);
            f.faults.completeFault = CompleteFault.UPLOAD_VANISHED;
            assertTrue(assertThrows(NoSuchUploadException.class, () -> uploader().build().upload(f.backend, src, TARGET))
                    .getMessage().contains("not the " + 3L * PART + " bytes of this upload"));
            byte[] sameSize = Files.readAllBytes(other);
            sameSize[12345] ^= 1;
            Path same = Files.write(tmp.resolve("same-size"), sameSize); // same size, one bit differs
            assertTrue(assertThrows(NoSuchUploadException.class, () -> uploader().build().upload(f.backend, same, TARGET))
                    .getMessage().contains("CRC32C"));
        }
    }

    @Test
    void resumeOfAJournalWhoseUploadWasCompletedReportsSuccess() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 4L * PART + 3);
            Path journal = tmp.resolve("j");
            f.faults.completeFault = CompleteFault.DIES_AFTER_COMPLETE;
            assertThrows(ChunkedUploadException.class,
                    () -> uploader().journal(journal).keepOnFailure(true).build().upload(f.backend, src, TARGET));
            assertTrue(Files.exists(journal), "the 'killed' run left its journal");
            f.faults.completeFault = null;
            UploadResult r = uploader().build().resume(f.backend, journal).join();
            assertEquals(4L * PART + 3, r.size());
            assertEquals(f.sha(src), f.objectSha("demo", "obj"));
            assertFalse(Files.exists(journal));
        }
    }

    @Test
    void resumeOfAJournalWhoseUploadIsLostSaysWhatIsAtTheKey() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 4L * PART);
            Path journal = tmp.resolve("j");
            f.faults.completeFault = CompleteFault.UPLOAD_VANISHED;
            assertThrows(ChunkedUploadException.class,
                    () -> uploader().journal(journal).keepOnFailure(true).build().upload(f.backend, src, TARGET));
            f.faults.completeFault = null;
            f.backend.listPending("demo", "").forEach(p -> f.backend.resume(p.handle()).abort()); // lost
            NoSuchUploadException e = assertThrows(NoSuchUploadException.class,
                    () -> uploader().build().resume(f.backend, journal).join());
            assertTrue(e.getMessage().contains("there is no object at fs://demo/obj"), e.getMessage());
        }
    }
}
