package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.transfer.FaultInjection.CompleteFault;
import org.chunkedupload.transfer.FaultInjection.Fault;
import org.chunkedupload.transfer.TransferProgress.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer says what it is doing: the phase its progress reports at each call the store sees is
 * the phase a user would want to read (planning at initiate, uploading at a part, completing at
 * complete, verifying while it looks at the store, aborting at abort, then done or failed).
 */
class TransferPhaseTest {
    private static final int PART = 64 * 1024;
    private static final ObjectTarget TARGET = ObjectTarget.parse("fs://demo/obj");

    @TempDir
    Path tmp;

    /** The phase seen at the first call of each provider method, recorded while the transfer runs. */
    private static Map<String, Phase> watch(EngineFixture f, AtomicReference<Supplier<TransferProgress>> progress) {
        Map<String, Phase> seen = new ConcurrentHashMap<>();
        f.faults.beforeCall = name -> {
            try {
                for (int i = 0; i < 500 && progress.get() == null; i++) {
                    Thread.sleep(10); // the transfer's coordinator may call the store before start() returned
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.putIfAbsent(name, progress.get().get().phase());
        };
        return seen;
    }

    private static Uploader.Builder uploader() {
        return Uploader.builder().partSize(PART).concurrency(2)
                .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(1)));
    }

    @Test
    void aSuccessfulUploadPlansUploadsCompletesAndIsDone() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            AtomicReference<Supplier<TransferProgress>> progress = new AtomicReference<>();
            Map<String, Phase> seen = watch(f, progress);
            Transfer t = uploader().build().start(f.backend, f.file("src", 3L * PART + 1), TARGET);
            progress.set(t::progress);
            t.join();
            assertEquals(Phase.PLANNING, seen.get("initiate"), seen.toString());
            assertEquals(Phase.UPLOADING, seen.get("uploadPart"), seen.toString());
            assertEquals(Phase.COMPLETING, seen.get("complete"), seen.toString());
            assertEquals(Phase.DONE, t.progress().phase());
        }
    }

    @Test
    void aCompleteWithNoAnswerIsVerifiedAgainstTheStore() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            AtomicReference<Supplier<TransferProgress>> progress = new AtomicReference<>();
            Map<String, Phase> seen = watch(f, progress);
            f.faults.completeFault = CompleteFault.RESPONSE_LOST;
            Transfer t = uploader().build().start(f.backend, f.file("src", 2L * PART), TARGET);
            progress.set(t::progress);
            t.join();
            assertEquals(Phase.VERIFYING, seen.get("stat"), "the object at the key is looked at: " + seen);
            assertEquals(Phase.DONE, t.progress().phase());
        }
    }

    @Test
    void aFailedUploadIsAbortedThenFailed() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            AtomicReference<Supplier<TransferProgress>> progress = new AtomicReference<>();
            Map<String, Phase> seen = watch(f, progress);
            f.faults.failAlways(2, Fault.FATAL);
            Transfer t = uploader().build().start(f.backend, f.file("src", 3L * PART), TARGET);
            progress.set(t::progress);
            assertThrows(ChunkedUploadException.class, t::join);
            assertEquals(Phase.ABORTING, seen.get("abort"), seen.toString());
            assertEquals(Phase.FAILED, t.progress().phase());
            assertEquals(List.of(), f.backend.listPending("demo", ""));
        }
    }

    @Test
    void aResumeVerifiesThePartsHeldThenUploadsTheRest() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 4L * PART);
            Path journal = tmp.resolve("journal");
            f.faults.failAlways(4, Fault.FATAL);
            assertThrows(ChunkedUploadException.class,
                    () -> uploader().concurrency(1).keepOnFailure(true).journal(journal).build().upload(f.backend, src, TARGET));
            f.faults.clearFaults();
            AtomicReference<Supplier<TransferProgress>> progress = new AtomicReference<>();
            Map<String, Phase> seen = watch(f, progress);
            Transfer t = uploader().build().resume(f.backend, journal);
            progress.set(t::progress);
            t.join();
            assertEquals(Phase.VERIFYING, seen.get("listParts"), "the parts the store holds are checked: " + seen);
            assertEquals(Phase.UPLOADING, seen.get("uploadPart"), seen.toString());
            assertEquals(Phase.COMPLETING, seen.get("complete"), seen.toString());
            assertTrue(t.progress().partsDone() == 4 && t.progress().phase() == Phase.DONE, t.progress().toString());
            assertEquals(f.sha(src), f.objectSha("demo", "obj"));
        }
    }
}
