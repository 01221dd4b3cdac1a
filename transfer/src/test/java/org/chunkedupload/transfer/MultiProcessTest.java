package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.UploadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads that span processes: a crashed uploader resumed from its journal, and three cooperating workers. */
class MultiProcessTest {
    private static final int PART = 64 * 1024;

    @TempDir
    Path tmp;

    private static Process child(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildUpload.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int journaledReceipts(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        try {
            return (int) Files.readAllLines(journal).stream().filter(l -> l.startsWith("receipt.")).count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }

    @Test
    void anUploaderKilledWithSigkillIsResumedFromItsJournal() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 40L * PART + 123);
            Path journal = tmp.resolve("upload.journal");
            Process p = child(tmp.resolve("child.log"), "slow-upload", tmp.toString(), src.toString(), "fs://b/crash",
                    journal.toString(), Integer.toString(PART));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (journaledReceipts(journal) < 6 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no abort, no journal flush
            p.waitFor(30, TimeUnit.SECONDS);
            assertTrue(f.backend.stat("b", "crash").isEmpty(), "no object after the crash");
            var pending = f.backend.listPending("b", "");
            assertEquals(1, pending.size());
            int onServer = f.backend.resume(pending.get(0).handle()).listParts().size();
            assertTrue(onServer >= 6 && onServer < 41, "parts on the server at the crash: " + onServer);
            UploadResult r = Uploader.builder().concurrency(4).build().resume(f.backend, journal).join();
            assertEquals(41, r.partCount());
            assertEquals(41 - onServer, f.faults.attempts.size(), "resume sent exactly the parts not on the server");
            assertEquals(f.sha(src), f.objectSha("b", "crash"));
            assertFalse(Files.exists(journal));
        }
    }

    @Test
    void threeProcessesUploadDisjointRangesAndAnyOneCompletes() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 30L * PART + 7);
            ChunkedUploadSession s = f.backend.initiate(ObjectTarget.parse("fs://b/coop"));
            String handle = s.handle().serialize();
            int[][] ranges = {{1, 10}, {11, 20}, {21, 31}};
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(child(tmp.resolve("worker" + i + ".log"), "parts", tmp.toString(), handle, src.toString(),
                        Integer.toString(PART), Integer.toString(ranges[i][0]), Integer.toString(ranges[i][1])));
            }
            for (int i = 0; i < 3; i++) {
                assertTrue(workers.get(i).waitFor(2, TimeUnit.MINUTES));
                assertEquals(0, workers.get(i).exitValue(), Files.readString(tmp.resolve("worker" + i + ".log")));
            }
            UploadResult r = Uploader.builder().partSize(PART).build()
                    .completeUploaded(f.backend, org.chunkedupload.api.UploadHandle.parse(handle), src);
            assertEquals(31, r.partCount());
            assertEquals(f.sha(src), f.objectSha("b", "coop"));
            assertEquals(0, f.faults.attempts.size(), "the parts came from the three worker processes");
        }
    }
}
