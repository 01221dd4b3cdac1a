package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadResult;

/**
 * One transfer in progress: runs on its own coordinator thread, uploads parts on a pool of
 * {@code concurrency} workers with per-part retry, and on failure or cancellation stops the workers
 * before aborting the upload (or keeping it for resume).
 */
final class TransferRun {
    /** What a transfer does once started; returns the result of complete. */
    interface Body {
        UploadResult run(TransferRun run) throws Exception;
    }

    /** Opens the body of one part afresh (every attempt re-reads it). */
    interface BodySupplier {
        InputStream open();
    }

    final Uploader cfg;
    final CompletableFuture<UploadResult> future = new CompletableFuture<>();
    private final long start = System.nanoTime();
    /** When the transfer ended (its result or failure was set); 0 while it runs. */
    private volatile long end;
    /** Runs once, just before the result or failure is set (releases what the transfer owned). */
    volatile Runnable beforeEnd = () -> { };
    private final LongAdder sent = new LongAdder();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger attemptsStarted = new AtomicInteger();
    /** How long a stalled transfer waits for its requests to stop before it fails anyway. */
    static final Duration STALL_GRACE = Duration.ofSeconds(5);
    /** Orders cancel() against the workers' decision to start an attempt. */
    private final Object startGate = new Object();
    private final ExecutorService workers;
    volatile int partsTotal = -1;
    volatile long bytesTotal = -1;
    volatile ChunkedUploadSession session;
    /** The store, for finding out what an unknown outcome of complete was; null where none is known. */
    volatile org.chunkedupload.api.StorageBackend backend;
    /** When this transfer began, or when the journaled upload it resumes began. */
    volatile java.time.Instant began = java.time.Instant.now();
    volatile Journal journal;
    volatile boolean abortOnFailure = true;
    private volatile boolean cancelled;
    /** Set by the stall watchdog before it cancels; the failure then names the stall. */
    private volatile java.time.Duration stalledFor;
    /** While true the stall watchdog watches: from the start until complete is sent. */
    private volatile boolean uploading = true;
    /** True while the engine waits for a stream's producer: a slow producer is not a stalled store. */
    volatile boolean readingSource;
    private volatile Thread coordinator;

    TransferRun(Uploader cfg) {
        this.cfg = cfg;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(cfg.concurrency, r -> {
            Thread t = new Thread(r, "chunked-upload-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a number that grows whenever the transfer moves, or -1 while a stall cannot be the store's fault */
    long progressMark() {
        return !uploading || readingSource ? -1 : sent.sum() + done.get() + retries.get();
    }

    /**
     * Fails the transfer as stalled: cancels it, and when a request blocked in a socket read (which
     * ignores interrupts) keeps it from ending within {@link #STALL_GRACE}, fails it anyway.
     */
    void stall(Duration limit) throws InterruptedException {
        stalledFor = limit;
        cancel();
        try {
            future.get(STALL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException ended) {
            // failed as expected, or still blocked: handled below
        }
        if (!future.isDone()) {
            end = System.nanoTime();
            beforeEnd.run();
            future.completeExceptionally(new StalledTransferException(stallMessage()
                    + "; a request is still blocked, so an upload it started may be left: check 'pending'", null));
        }
    }

    private String stallMessage() {
        return "no byte reached " + (session != null ? session.handle().target().toString() : "the store") + " for "
                + stalledFor.toSeconds() + " s (stall-timeout): the store is not answering; check that it is up and"
                + " reachable, or raise stall-timeout";
    }

    /**
     * Makes {@code journal} (if any) the journal of this run alone, until it ends.
     *
     * @return this run
     * @throws org.chunkedupload.api.ConfigurationException when another running transfer owns the journal
     */
    TransferRun owning(java.nio.file.Path journal) {
        if (journal != null) {
            Journal.claim(journal);
            beforeEnd = () -> Journal.release(journal); // before join() returns: the next transfer may take it
        }
        return this;
    }

    /** Starts the coordinator thread. */
    TransferRun start(Body body) {
        if (cfg.stallTimeout != null) {
            StallWatchdog.watch(this, cfg.stallTimeout);
        }
        Thread t = new Thread(() -> execute(body), "chunked-upload-transfer");
        t.setDaemon(true);
        coordinator = t;
        t.start();
        return this;
    }

    /** Runs in the calling thread (used for cooperative part uploads). */
    void execute(Body body) {
        coordinator = Thread.currentThread();
        try {
            UploadResult r = body.run(this);
            if (journal != null) {
                journal.delete();
            }
            cfg.listener.onCompleted(r, progress());
            end = System.nanoTime();
            beforeEnd.run();
            future.complete(r);
        } catch (Throwable t) {
            fail(t);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Stops the transfer: once this returns no new part attempt is decided (an attempt decided just
     * before may still reach the provider), running workers are interrupted, and the coordinator then
     * aborts or keeps the upload.
     */
    void cancel() {
        synchronized (startGate) {
            cancelled = true;
        }
        workers.shutdownNow();
        Thread c = coordinator;
        if (c != null && c != Thread.currentThread()) {
            c.interrupt();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    int attemptsStarted() {
        return attemptsStarted.get();
    }

    TransferProgress progress() {
        return new TransferProgress(sent.sum(), bytesTotal, done.get(), partsTotal, retries.get(),
                Duration.ofNanos((end != 0 ? end : System.nanoTime()) - start)); // frozen once the transfer ended
    }

    /** Counts a part that an earlier run already uploaded. */
    void alreadyDone(PartReceipt r) {
        done.incrementAndGet();
        sent.add(r.size());
    }

    private void fail(Throwable t) {
        RuntimeException e = stalledFor != null ? new StalledTransferException(stallMessage(), t)
                : cancelled || t instanceof InterruptedException
                ? new CancelledTransferException("the transfer was cancelled", t)
                : t instanceof ChunkedUploadException c ? c
                : t instanceof UncheckedIOException u ? new ChunkedUploadException("cannot read the source: "
                        + u.getCause().getMessage(), u)
                : t instanceof IOException io ? new ChunkedUploadException(String.valueOf(io.getMessage()), io)
                : t instanceof IllegalArgumentException ia ? ia
                : new ChunkedUploadException("the transfer failed with an unexpected internal error ("
                        + (t.getMessage() != null ? t.getMessage() : "no message") + "); run with --verbose for details"
                        + " and report it", t);
        // our own cancel() may have interrupted this thread: clear the flag so that the workers are really
        // waited for (a part still in flight must not race the abort) and the abort is not cut short
        boolean interrupted = Thread.interrupted();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                e.addSuppressed(new IllegalStateException("part workers did not stop within a minute"));
            }
        } catch (InterruptedException ie) {
            interrupted = true;
        }
        ChunkedUploadSession s = session;
        if (s != null && abortOnFailure) {
            if (cfg.keepOnFailure) {
                try {
                    if (journal != null) {
                        journal.flush();
                    }
                } catch (IOException io) {
                    e.addSuppressed(io);
                }
            } else {
                try {
                    s.abort();
                    if (journal != null) {
                        journal.delete();
                    }
                } catch (RuntimeException | IOException ae) {
                    e.addSuppressed(ae);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        end = end == 0 ? System.nanoTime() : end;
        beforeEnd.run();
        future.completeExceptionally(e);
    }

    /**
     * Uploads the given parts in parallel and returns their receipts as they complete; the first
     * failure stops the others.
     *
     * @param numbers part numbers
     * @param lengths part lengths, index-aligned with {@code numbers}
     * @param bodies part bodies, index-aligned
     * @param algorithm the part checksum to compute and send, or null
     */
    List<PartReceipt> uploadAll(int[] numbers, long[] lengths, BodySupplier[] bodies, ChecksumAlgorithm algorithm)
            throws InterruptedException {
        ExecutorCompletionService<PartReceipt> ecs = new ExecutorCompletionService<>(workers);
        for (int i = 0; i < numbers.length; i++) {
            int idx = i;
            ecs.submit(() -> uploadPart(numbers[idx], bodies[idx], lengths[idx], algorithm));
        }
        List<PartReceipt> out = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            out.add(await(ecs.take()));
        }
        return out;
    }

    Future<PartReceipt> submit(int number, BodySupplier body, long length, ChecksumAlgorithm algorithm, Runnable after) {
        return workers.submit(() -> {
            try {
                return uploadPart(number, body, length, algorithm);
            } finally {
                after.run();
            }
        });
    }

    static PartReceipt await(Future<PartReceipt> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new ChunkedUploadException("part upload failed: " + c, c);
        }
    }

    /**
     * One part, with retries. Its checksum (when the provider verifies one) is computed once, before
     * the first attempt. No attempt starts once the transfer is cancelled or has failed.
     */
    PartReceipt uploadPart(int number, BodySupplier body, long length, ChecksumAlgorithm algorithm)
            throws InterruptedException {
        Checksum checksum = algorithm == null ? null : PartSources.checksum(body.open(), algorithm);
        for (int attempt = 1; ; attempt++) {
            synchronized (startGate) { // the check and the count are one step for cancel()
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    throw new CancelledTransferException("the transfer was cancelled before part " + number + " was sent",
                            null);
                }
                attemptsStarted.incrementAndGet();
            }
            try {
                // a re-openable source: a provider may read the part more than once (SDK retry, unsigned payload)
                PartReceipt r = session.uploadPart(number, () -> new CountingInputStream(body.open(), sent), length,
                        checksum);
                if (journal != null) {
                    journal.record(r);
                }
                done.incrementAndGet();
                cfg.listener.onPartCompleted(r, progress());
                return r;
            } catch (ChunkedUploadException e) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (cancelled || !e.retryable() || attempt >= cfg.retry.maxAttempts()
                        || waited.compareTo(cfg.retry.deadline()) > 0) {
                    throw e;
                }
                Duration backoff = cfg.retry.backoff(attempt);
                retries.incrementAndGet();
                cfg.listener.onPartRetry(number, attempt, e, backoff);
                Thread.sleep(backoff.toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Completes the session; when the outcome is unknown (lost response, timeout, a retried complete
     * answered "no such upload") it is resolved by looking at the object at the key.
     */
    UploadResult complete(List<PartReceipt> receipts, org.chunkedupload.api.WritePrecondition precondition) {
        synchronized (startGate) { // a cancelled transfer never completes, even when its last part is in
            if (cancelled) {
                throw new CancelledTransferException("the transfer was cancelled before complete", null);
            }
            uploading = false; // complete may take long without moving a byte: the stall watchdog stops here
        }
        OutcomeCheck.Expected expected = new OutcomeCheck.Expected(session.handle().target(),
                receipts.stream().mapToLong(PartReceipt::size).sum(), org.chunkedupload.spi.Crc32c.combine(receipts),
                receipts.size(), began);
        for (int attempt = 1; ; attempt++) {
            try {
                return session.complete(receipts, precondition);
            } catch (ChunkedUploadException e) {
                if (backend == null || !OutcomeCheck.unknown(e)) {
                    throw e;
                }
                try {
                    return OutcomeCheck.resolve(backend, expected, e);
                } catch (ChunkedUploadException notThere) {
                    // a transient failure with no object at the key: the upload is still there, so complete again
                    if (!e.retryable() || cancelled || attempt >= cfg.retry.maxAttempts()) {
                        throw notThere;
                    }
                    Duration backoff = cfg.retry.backoff(attempt);
                    retries.incrementAndGet();
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new CancelledTransferException("interrupted while waiting to complete again", ie);
                    }
                }
            }
        }
    }

    /**
     * @param receipts receipts in any order
     * @return them sorted by part number
     */
    static List<PartReceipt> sorted(List<PartReceipt> receipts) {
        List<PartReceipt> s = new ArrayList<>(receipts);
        s.sort(Comparator.comparingInt(PartReceipt::partNumber));
        return s;
    }

    /** Stops the workers without failing the transfer (cooperative uploads run in the caller's thread). */
    void shutdown() {
        workers.shutdownNow();
    }
}
