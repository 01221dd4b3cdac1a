package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.spi.PartContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part writers finishing together share syncs, and none returns before a sync that began after its call. */
class GroupSyncTest {
    private static final Path DATA = Path.of("staging", "data");

    @Test
    void writersFinishingTogetherShareSyncsAndEachWaitsForOneThatBeganAfterItsCall() throws Exception {
        AtomicInteger forcesOfData = new AtomicInteger();
        AtomicLong clock = new AtomicLong();
        ConcurrentHashMap<Long, Long> began = new ConcurrentHashMap<>(); // force start tick -> its end tick
        GroupSync group = new GroupSync(file -> {
            long start = clock.incrementAndGet();
            if (file.equals(DATA)) {
                forcesOfData.incrementAndGet();
            }
            sleep(20); // a disk that takes its time
            began.put(start, clock.incrementAndGet());
        });
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Path header = Path.of("staging", "tmp-" + i);
            calls.add(pool.submit(() -> {
                go.await();
                long asked = clock.incrementAndGet();
                group.sync(List.of(DATA, header));
                return new long[] {asked, clock.incrementAndGet()};
            }));
        }
        go.countDown();
        for (Future<long[]> f : calls) {
            long[] t = f.get(30, TimeUnit.SECONDS);
            // some force began after the call and ended before the return
            assertTrue(began.entrySet().stream().anyMatch(e -> e.getKey() > t[0] && e.getValue() < t[1]),
                    "a writer returned without a sync that began after its call");
        }
        pool.shutdown();
        assertTrue(forcesOfData.get() < writers, "16 writers finishing together synced the data file "
                + forcesOfData.get() + " times");
        assertTrue(forcesOfData.get() >= 1);
    }

    @Test
    void aFileThatFailsToSyncFailsOnlyTheWritersThatNamedIt() throws Exception {
        Path gone = Path.of("staging", "tmp-gone");
        Path fine = Path.of("staging", "tmp-fine");
        GroupSync group = new GroupSync(file -> {
            if (file.equals(gone)) {
                throw new NoSuchFileException(file.toString());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> {
            group.sync(List.of(DATA, gone));
            return null;
        });
        Future<?> b = pool.submit(() -> {
            group.sync(List.of(DATA, fine));
            return null;
        });
        b.get(10, TimeUnit.SECONDS);
        Exception e = assertThrows(Exception.class, () -> a.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof NoSuchFileException, String.valueOf(e.getCause()));
        pool.shutdown();
        // a later writer is not failed by an earlier batch's failure (this would throw)
        group.sync(List.of(DATA, fine));
    }

    @Test
    void anUnexpectedFailureWhileSyncingFailsItsBatchButNotTheNextWriter() throws Exception {
        Path bad = Path.of("staging", "tmp-bad");
        GroupSync group = new GroupSync(file -> {
            if (file.equals(bad)) {
                throw new IllegalStateException("the disk went away");
            }
        });
        assertThrows(IllegalStateException.class, () -> group.sync(List.of(DATA, bad)));
        // before, the group stayed "running" for ever and this call never returned
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> next = pool.submit(() -> {
            group.sync(List.of(DATA));
            return null;
        });
        next.get(10, TimeUnit.SECONDS);
        pool.shutdown();
    }

    @Test
    void aWriterInterruptedWhileWaitingForTheDiskFailsAndKeepsItsInterrupt() throws Exception {
        CountDownLatch leaderSyncing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupSync group = new GroupSync(file -> {
            leaderSyncing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> leader = pool.submit(() -> {
            group.sync(List.of(DATA));
            return null;
        });
        assertTrue(leaderSyncing.await(10, TimeUnit.SECONDS));
        java.util.concurrent.atomic.AtomicBoolean flagKept = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> waiter = pool.submit(() -> {
            Thread.currentThread().interrupt(); // cancelled while the leader's sync runs
            try {
                group.sync(List.of(Path.of("staging", "tmp-w")));
            } finally {
                flagKept.set(Thread.currentThread().isInterrupted());
            }
            return null;
        });
        Exception e = assertThrows(Exception.class, () -> waiter.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof java.io.InterruptedIOException, String.valueOf(e.getCause()));
        assertTrue(flagKept.get(), "the interrupt is kept for the caller");
        release.countDown();
        leader.get(10, TimeUnit.SECONDS);
        pool.shutdown();
    }

    @Test
    void aPartsBytesAreSyncedBeforeItIsNamedAndItsNameBeforeItsReceipt(@TempDir Path dir) throws Exception {
        List<String> events = new ArrayList<>();
        GroupSync group = new GroupSync(file -> events.add((Files.isDirectory(file) ? "dir" : file.getFileName()
                .toString().replaceAll("tmp-.*", "tmp")) + (Files.exists(dir.resolve(PartFile.fileName(1))) ? " (named)" : "")));
        byte[] bytes = "part one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PartWriter.write(dir, new PartContent(1, new ByteArrayInputStream(bytes), bytes.length, null), 1024, group);
        assertEquals(List.of("data", "tmp", "dir (named)"), events, "placed part");
        events.clear();
        PartWriter.write(dir, new PartContent(1, new ByteArrayInputStream(bytes), bytes.length, null), 1024, group);
        assertEquals(List.of("tmp (named)", "dir (named)"), events, "re-uploaded part (its own file; part 1 named before)");
        events.clear();
        PartWriter.write(dir, new PartContent(2, new ByteArrayInputStream(bytes), bytes.length, null), 0, group);
        assertEquals(List.of("tmp", "dir"), events.stream().map(e -> e.replace(" (named)", "")).toList());
        assertTrue(Files.exists(dir.resolve(PartFile.fileName(2))));
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }
}
