package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that is not what it claims, or that changes while it is uploaded, is never published. */
class SourceChangeTest {
    private static final int PART = 64 * 1024;
    private static final ObjectTarget TARGET = ObjectTarget.parse("fs://demo/changing");

    @TempDir
    Path tmp;

    /** Runs {@code change} on the source once, right after the first part has landed. */
    private static Uploader changingAfterFirstPart(Path src, IoAction change) {
        AtomicBoolean done = new AtomicBoolean();
        return Uploader.builder().partSize(PART).concurrency(1).listener(new TransferListener() {
            @Override
            public void onPartCompleted(PartReceipt receipt, TransferProgress progress) {
                if (done.compareAndSet(false, true)) {
                    try {
                        change.run(src);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }).build();
    }

    interface IoAction {
        void run(Path file) throws IOException;
    }

    private static void assertNothingPublished(EngineFixture f) {
        assertTrue(f.backend.stat("demo", "changing").isEmpty(), "nothing was published");
        assertEquals(List.of(), f.backend.listPending("demo", ""), "the upload was aborted");
    }

    @Test
    void aFileThatGrowsDuringTheUploadFailsNamingTheChange() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 4L * PART);
            IntegrityException e = assertThrows(IntegrityException.class, () -> changingAfterFirstPart(src,
                    p -> Files.write(p, new byte[100], java.nio.file.StandardOpenOption.APPEND)).upload(f.backend, src, TARGET));
            assertTrue(e.getMessage().contains("its size went from " + 4L * PART), e.getMessage());
            assertNothingPublished(f);
        }
    }

    @Test
    void aFileRewrittenInPlaceWithItsTimeRestoredFailsToo() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            Path src = f.file("src", 4L * PART);
            IntegrityException e = assertThrows(IntegrityException.class, () -> changingAfterFirstPart(src, p -> {
                FileTime t = Files.getLastModifiedTime(p);
                byte[] other = Files.readAllBytes(p);
                for (int i = 0; i < other.length; i++) {
                    other[i] ^= 0x5a;
                }
                Files.write(p, other);
                Files.setLastModifiedTime(p, t);
            }).upload(f.backend, src, TARGET));
            assertTrue(e.getMessage().contains("its content changed"), e.getMessage());
            assertNothingPublished(f);
        }
    }

    @Test
    void aProcFileWhoseSizeCannotBeTrustedIsRefusedBeforeAnythingIsSent() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Uploader.builder().build().upload(f.backend, Path.of("/proc/self/status"), TARGET));
            assertTrue(e.getMessage().contains("cannot be trusted"), e.getMessage());
            assertEquals(0, f.faults.attempts.size());
            assertNothingPublished(f);
        }
    }
}
