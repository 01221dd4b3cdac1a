package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ObjectTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What belongs to one transfer stays with it: its journal, and its elapsed time once it ended. */
class TransferOwnershipTest {
    private static final int PART = 64 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aJournalBelongsToOneRunningTransferAndIsFreeAgainWhenItEnds() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            f.faults.delayMillis = 50; // keeps the first transfer running while the second starts
            Path a = f.file("a", 8L * PART);
            Path b = f.file("b", 3L * PART);
            Path journal = tmp.resolve("shared.journal");
            Uploader uploader = Uploader.builder().partSize(PART).concurrency(1).journal(journal).build();
            Transfer first = uploader.start(f.backend, a, ObjectTarget.parse("fs://demo/a"));
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> uploader.start(f.backend, b, ObjectTarget.parse("fs://demo/b")));
            assertTrue(e.getMessage().contains("belongs to another transfer"), e.getMessage());
            assertEquals(8L * PART, first.join().size(), "the first transfer is undisturbed");
            assertEquals(3L * PART, uploader.upload(f.backend, b, ObjectTarget.parse("fs://demo/b")).size(),
                    "the journal is free once the first transfer ended");
            assertTrue(!Files.exists(journal));
        }
    }

    @Test
    void elapsedTimeStopsWhenTheTransferEnds() throws Exception {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Transfer t = Uploader.builder().partSize(PART).build().start(f.backend, f.file("c", 2L * PART),
                    ObjectTarget.parse("fs://demo/c"));
            t.join();
            Duration once = t.progress().elapsed();
            Thread.sleep(60);
            assertEquals(once, t.progress().elapsed(), "the elapsed time (and so the rate) is frozen at the end");
        }
    }
}
