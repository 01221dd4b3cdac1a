package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.tck.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams of unknown length: parts grow so the part-count limit never comes first, and memory stays bounded. */
class StreamUploadTest {
    private static final int FIRST = 1024;
    /** A provider with a tiny part-count limit, so that growth steps happen with little data. */
    private static final java.util.function.UnaryOperator<Capabilities> TINY = c -> c.toBuilder()
            .partSize(0, 64 * 1024).partNumbers(1, 16).maxPartCount(16).maxObjectSize(200_000).build();

    @TempDir
    Path tmp;

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static Uploader uploader(List<PartReceipt> seen) {
        return Uploader.builder().partSize(FIRST).concurrency(2).listener(new TransferListener() {
            @Override
            public void onPartCompleted(PartReceipt r, TransferProgress p) {
                synchronized (seen) {
                    seen.add(r);
                }
            }
        }).build();
    }

    @Test
    void partsGrowAcrossTiersAndTheObjectIsExact() {
        GrowthSchedule g = new GrowthSchedule(FIRST, TINY.apply(Capabilities.builder().build()));
        assertTrue(g.reachable() >= 200_000, "the schedule reaches the object limit: " + g);
        for (int size : new int[] {0, 1, FIRST, FIRST + 1, 50_000, (int) Math.min(g.reachable(), 200_000)}) {
            try (EngineFixture f = new EngineFixture(tmp.resolve("s" + size).toFile().mkdirs() ? tmp.resolve("s" + size)
                    : tmp.resolve("s" + size), TINY)) {
                byte[] b = data(size);
                List<PartReceipt> seen = new ArrayList<>();
                UploadResult r = uploader(seen).upload(f.backend, new ByteArrayInputStream(b),
                        ObjectTarget.parse("fs://b/stream"));
                assertEquals(size, r.size());
                assertEquals(Payloads.sha256(List.of(b)), f.objectSha("b", "stream"), "size " + size);
                assertTrue(r.partCount() <= 16, "parts: " + r.partCount());
                seen.sort(java.util.Comparator.comparingInt(PartReceipt::partNumber));
                for (int i = 0; i + 2 < seen.size(); i++) {
                    assertTrue(seen.get(i).size() <= seen.get(i + 1).size(), "part sizes never shrink: " + seen);
                    assertEquals(g.partSize(i), seen.get(i).size(), "part " + (i + 1) + " follows the schedule");
                }
                if (size == 50_000) {
                    assertTrue(seen.get(seen.size() - 2).size() > FIRST, "50,000 bytes cross a growth step: " + seen);
                }
            }
        }
    }

    @Test
    void aStreamBeyondTheProvidersLimitFailsAndIsAborted() {
        try (EngineFixture f = new EngineFixture(tmp, c -> TINY.apply(c).toBuilder().maxObjectSize(Long.MAX_VALUE / 4)
                .partSize(0, 4096).build())) {
            byte[] b = data(16 * 4096 + 1);
            assertThrows(org.chunkedupload.api.ObjectTooLargeException.class, () -> uploader(new ArrayList<>())
                    .upload(f.backend, new ByteArrayInputStream(b), ObjectTarget.parse("fs://b/too-big")));
            assertTrue(f.backend.stat("b", "too-big").isEmpty());
            assertEquals(List.of(), f.backend.listPending("b", ""));
        }
    }

    @Test
    void memoryStaysBoundedByConcurrencyPlusOneBuffers() throws IOException {
        try (EngineFixture f = new EngineFixture(tmp, TINY)) {
            f.faults.delayMillis = 20;
            byte[] b = data(100_000);
            int[] maxAhead = new int[1];
            List<PartReceipt> seen = new ArrayList<>();
            InputStream watched = new FilterInputStream(new ByteArrayInputStream(b)) {
                long read;

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        read += n;
                        int done;
                        synchronized (seen) {
                            done = seen.size();
                        }
                        // parts read but not yet acknowledged, including the one being filled
                        int readParts = 0;
                        long sum = 0;
                        GrowthSchedule g = new GrowthSchedule(FIRST, TINY.apply(Capabilities.builder().build()));
                        while (sum < read) {
                            sum += g.partSize(readParts++);
                        }
                        maxAhead[0] = Math.max(maxAhead[0], readParts - done);
                    }
                    return n;
                }
            };
            uploader(seen).upload(f.backend, watched, ObjectTarget.parse("fs://b/bounded"));
            assertTrue(maxAhead[0] <= 3, "at most concurrency + 1 = 3 part buffers, saw " + maxAhead[0]);
        }
    }
}
