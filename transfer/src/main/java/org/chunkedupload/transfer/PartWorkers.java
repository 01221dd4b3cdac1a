package org.chunkedupload.transfer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that send one transfer's parts: a pool of its own ({@code concurrency} threads, started
 * as parts need them), or its share of a pool that the files of a tree use together, so that a tree
 * of many small files does not start a pool per file and never has more parts in flight than the
 * shared pool's size. Stopping stops only this transfer's parts.
 */
final class PartWorkers {
    private final ExecutorService pool;
    private final boolean owned;
    /** This transfer's parts not yet ended (queued or running). */
    private final Set<Future<?>> mine = ConcurrentHashMap.newKeySet();
    /** This transfer's parts running now. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    private PartWorkers(ExecutorService pool, boolean owned) {
        this.pool = pool;
        this.owned = owned;
    }

    /** @return workers of a pool of their own, {@code threads} at most */
    static PartWorkers own(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new PartWorkers(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chunked-upload-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }), true);
    }

    /** @return this transfer's share of {@code shared} (a tree's pool, which its owner shuts down) */
    static PartWorkers sharing(ExecutorService shared) {
        return new PartWorkers(shared, false);
    }

    /** @return a pool for the files of a tree to share: {@code threads} parts in flight at most */
    static ExecutorService sharedPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chunked-upload-tree-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @return the task's future
     * @throws RejectedExecutionException once stopped
     */
    <T> Future<T> submit(Callable<T> task) {
        if (stopped) {
            throw new RejectedExecutionException("the transfer's part workers were stopped");
        }
        FutureTask<T>[] self = new FutureTask[1];
        FutureTask<T> f = new FutureTask<>(() -> {
            running.incrementAndGet();
            try {
                return task.call();
            } finally {
                running.decrementAndGet();
                mine.remove(self[0]);
                synchronized (this) {
                    notifyAll();
                }
            }
        });
        self[0] = f;
        mine.add(f);
        pool.execute(f);
        if (stopped) { // stop() may have missed it
            f.cancel(true);
        }
        return f;
    }

    /** Stops this transfer's parts: queued ones never start, running ones are interrupted. */
    void stop() {
        stopped = true;
        if (owned) {
            pool.shutdownNow();
        }
        for (Future<?> f : mine) {
            f.cancel(true);
        }
    }

    /** @return whether {@link #stop()} was called */
    boolean stopped() {
        return stopped;
    }

    /**
     * Stops, then waits until none of this transfer's parts is running.
     *
     * @return whether they all ended within {@code limit}
     */
    boolean stopAndWait(Duration limit) throws InterruptedException {
        stop();
        if (owned) {
            return pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    /** Frees the pool when it is this transfer's own. */
    void close() {
        if (owned) {
            pool.shutdownNow();
        } else {
            stop();
        }
    }

    /** @return the part's receipt, or its failure rethrown as it was */
    static org.chunkedupload.api.PartReceipt await(Future<org.chunkedupload.api.PartReceipt> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new org.chunkedupload.api.ChunkedUploadException("part upload failed: " + c, c);
        }
    }
}
