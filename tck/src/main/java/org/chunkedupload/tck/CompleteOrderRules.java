package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules COMP-01..07, 10, 13, 14: complete joins exactly the named parts in part-number order. */
public abstract class CompleteOrderRules extends ListPartsRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected CompleteOrderRules() {
    }

    /** Uploads parts {@code numbers} (in the given order), completes with receipts in that order, checks bytes. */
    private UploadResult roundTrip(String name, List<Integer> uploadOrder, int lastSize) {
        String k = key(name);
        ChunkedUploadSession s = start(k);
        int max = Collections.max(uploadOrder);
        List<PartReceipt> receipts = new ArrayList<>();
        for (int n : uploadOrder) {
            receipts.add(upload(s, n, n == max ? lastSize : partSize()));
        }
        UploadResult r = s.complete(receipts);
        assertObject(k, layout(uploadOrder, lastSize));
        assertEquals(uploadOrder.size(), r.partCount(), "part count");
        return r;
    }

    private int[][] layout(List<Integer> numbers, int lastSize) {
        List<Integer> sorted = new ArrayList<>(numbers);
        Collections.sort(sorted);
        int[][] out = new int[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            out[i] = new int[] {sorted.get(i), i == sorted.size() - 1 ? lastSize : partSize()};
        }
        return out;
    }

    private List<Integer> range(int from, int count) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            l.add(from + i);
        }
        return l;
    }

    @Hint("the simplest path through initiate, uploadPart and complete; the size you report.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-01 a single-part upload round-trips byte-exact")
    final void comp01() {
        String k = key("comp01");
        ChunkedUploadSession s = start(k);
        UploadResult r = complete(s, upload(s, 1, 10_000));
        assertObject(k, new int[][] {{1, 10_000}});
        assertEquals(k, r.target().key());
        assertEquals(10_000, r.size());
        assertEquals(1, r.partCount());
    }

    @Hint("that complete passes every part to the store in the order received.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-02 a multi-part upload in ascending order round-trips byte-exact")
    final void comp02() {
        roundTrip("comp02", range(1, 5), 1001);
    }

    @Hint("that you join by part number, not by the order parts arrived.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-03 parts uploaded in reverse order are joined in part-number order")
    final void comp03() {
        List<Integer> order = range(1, 6);
        Collections.reverse(order);
        roundTrip("comp03", order, 333);
    }

    @Hint("that you join by part number, not by the order parts arrived.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-04 parts uploaded in random order are joined in part-number order")
    final void comp04() {
        List<Integer> order = range(1, 8);
        Collections.shuffle(order, new Random(42));
        roundTrip("comp04", order, 4321);
    }

    @Hint("thread safety of uploadPart (shared clients, buffers, counters), and that concurrent parts do not overwrite each other's staging.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-05 parts uploaded concurrently are joined in part-number order")
    final void comp05() throws Exception {
        String k = key("comp05");
        ChunkedUploadSession s = start(k);
        int parts = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PartReceipt>> futures = new ArrayList<>();
            List<Integer> order = range(1, parts);
            Collections.shuffle(order, new Random(7));
            for (int n : order) {
                futures.add(pool.submit(() -> upload(s, n, n == parts ? 99 : partSize())));
            }
            List<PartReceipt> receipts = new ArrayList<>();
            for (Future<PartReceipt> f : futures) {
                receipts.add(f.get(5, TimeUnit.MINUTES));
            }
            s.complete(receipts);
        } finally {
            pool.shutdownNow();
        }
        assertObject(k, layout(range(1, parts), 99));
    }

    @Hint("that you do not assume part numbers 1..N without gaps.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-06 non-contiguous part numbers are joined in ascending order")
    final void comp06() {
        roundTrip("comp06", List.of(1, 3, 7, 20), 500);
    }

    @Hint("nothing in the provider: the API sorts receipts. A failure means the API is broken.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-07 receipts in arrival order are sorted, not rejected")
    final void comp07() {
        String k = key("comp07");
        ChunkedUploadSession s = start(k);
        PartReceipt r2 = upload(s, 2, partSize());
        PartReceipt r3 = upload(s, 3, 10);
        PartReceipt r1 = upload(s, 1, partSize());
        complete(s, r3, r1, r2);
        assertObject(k, new int[][] {{1, partSize()}, {2, partSize()}, {3, 10}});
    }

    @Hint("that complete sends only the named parts (S3 and Azure discard the rest; GCS must not compose them).")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-10 parts not named at complete are excluded")
    final void comp10() {
        String k = key("comp10");
        ChunkedUploadSession s = start(k);
        PartReceipt r1 = upload(s, 1, partSize());
        upload(s, 2, partSize());
        PartReceipt r3 = upload(s, 3, 10);
        complete(s, r1, r3);
        assertObject(k, new int[][] {{1, partSize()}, {3, 10}});
    }

    @Hint("pagination and batching (e.g. GCS compose in groups of 32) in complete.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-13 an upload of 40 parts round-trips byte-exact")
    final void comp13() {
        roundTrip("comp13", range(1, 40), 777);
    }

    @Hint("the part-number range you declare against what your store accepts.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-14 the lowest and highest declared part numbers are accepted")
    final void comp14() {
        roundTrip("comp14", List.of(caps.maxPartNumber(), caps.minPartNumber()), 64);
    }
}
