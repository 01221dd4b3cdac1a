package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.transfer.FaultInjection.CompleteFault;
import org.chunkedupload.transfer.FaultInjection.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small object goes in one request where the provider declares SINGLE_REQUEST_PUT: one call
 * instead of initiate, part and complete; retried alone like a part; a lost answer to a create-only
 * put is resolved by looking at the store; larger or multi-part objects still go in parts.
 */
class SinglePutTest {
    private static final ObjectTarget TARGET = ObjectTarget.parse("fs://demo/small");

    @TempDir
    Path tmp;

    private EngineFixture fixture() {
        return new EngineFixture(tmp, c -> c.toBuilder().addFeatures(Capabilities.Feature.SINGLE_REQUEST_PUT).build());
    }

    private static Uploader.Builder uploader() {
        return Uploader.builder().retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(1)));
    }

    @Test
    void aSmallFileIsOneRequest() throws Exception {
        try (EngineFixture f = fixture()) {
            List<String> calls = new CopyOnWriteArrayList<>();
            f.faults.beforeCall = calls::add;
            List<UploadHandle> seen = new CopyOnWriteArrayList<>();
            TransferListener l = new TransferListener() {
                @Override
                public void onPartStarted(UploadHandle handle, int partNumber, int attempt) {
                    seen.add(handle);
                }
            };
            Path src = f.file("src", 300_000);
            Transfer t = uploader().listener(l).build().start(f.backend, src, TARGET);
            UploadResult r = t.join();
            assertEquals(List.of("put"), List.copyOf(calls), "one request");
            assertEquals(300_000, r.size());
            assertEquals(f.sha(src), f.objectSha("demo", "small"));
            assertEquals(SinglePut.UPLOAD_ID, seen.get(0).uploadId(), "listeners see the put: " + seen);
            assertTrue(t.progress().partsDone() == 1 && t.progress().bytesSent() == 300_000, t.progress().toString());
            assertEquals(List.of(), f.backend.listPending("demo", ""));
        }
    }

    @Test
    void aFailedPutIsRetriedAloneAndALostAnswerIsLookedUp() throws Exception {
        try (EngineFixture f = fixture()) {
            f.faults.fail(1, 1, Fault.RETRYABLE);
            Path src = f.file("src", 5000);
            assertEquals(5000, uploader().build().upload(f.backend, src, TARGET).size());
            assertEquals(2, f.faults.attemptsOf(1), "retried once");

            f.faults.completeFault = CompleteFault.RESPONSE_LOST; // the put lands, its answer is lost
            ObjectTarget fresh = ObjectTarget.parse("fs://demo/fresh");
            UploadResult r = uploader().precondition(WritePrecondition.ifAbsent()).build().upload(f.backend, src, fresh);
            assertEquals(5000, r.size(), "the second attempt's 'precondition failed' is our own first put");
            assertEquals(f.sha(src), f.objectSha("demo", "fresh"));
        }
    }

    @Test
    void largerOrJournaledObjectsGoInParts() throws Exception {
        try (EngineFixture f = fixture()) {
            List<String> calls = new CopyOnWriteArrayList<>();
            f.faults.beforeCall = calls::add;
            Path big = f.file("big", (int) SinglePut.MAX_BYTES + 1);
            uploader().partSize(32L << 20).build().upload(f.backend, big, TARGET);
            assertTrue(calls.contains("initiate") && !calls.contains("put"), "above 16 MiB: " + calls);
            calls.clear();
            uploader().journal(tmp.resolve("j")).build().upload(f.backend, f.file("small", 10), TARGET);
            assertTrue(calls.contains("initiate") && !calls.contains("put"), "a journal asks for a resumable upload: " + calls);
        }
    }

    @Test
    void theSmallFilesOfAJournaledTreeGoInOneRequestEach() throws Exception {
        try (EngineFixture f = fixture()) {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("tree"));
            for (int i = 0; i < 5; i++) {
                java.nio.file.Files.write(dir.resolve("f" + i), new byte[100 + i]);
            }
            List<String> calls = new CopyOnWriteArrayList<>();
            f.faults.beforeCall = calls::add;
            DirectoryUpload.Result r = DirectoryUpload.upload(uploader().build(), f.backend, dir, "demo", "t",
                    new DirectoryUpload.Options(List.of(), List.of(), false, false, tmp.resolve("tree-journal")));
            assertEquals(5, r.count(DirectoryUpload.Status.UPLOADED));
            assertEquals(5, calls.stream().filter("put"::equals).count(), "one put per file: " + calls);
            assertTrue(!calls.contains("initiate"), "no multipart upload: " + calls);
        }
    }
}
