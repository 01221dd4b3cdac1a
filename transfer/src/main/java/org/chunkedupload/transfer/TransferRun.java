package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * One transfer in progress, from its {@link RunSettings}, its store and (once {@link #attach}ed) its
 * upload and journal: runs its {@link Body} on its own coordinator thread, sends {@link PartTask}s on
 * its {@link PartWorkers} with per-part retry, and on failure or cancellation stops the
 * workers before aborting the upload (or keeping it for resume).
 */
final class TransferRun implements OutcomeCheck.Watch {
    private static final Logger LOG = LoggerFactory.getLogger(TransferRun.class);
    /** What a transfer does once started; returns the result of complete. */
    interface Body {
        UploadResult run(TransferRun run) throws Exception;
    }

    private final RunSettings settings;
    /** The store, for finding out what an unknown outcome of complete was. */
    private final StorageBackend backend;
    final CompletableFuture<UploadResult> future = new CompletableFuture<>();
    private final long start = System.nanoTime();
    /** When the transfer ended (its result or failure was set); 0 while it runs. */
    private volatile long end;
    /** Runs once, just before the result or failure is set (releases what the transfer owned). */
    private volatile Runnable beforeEnd = () -> { };
    private final LongAdder sent = new LongAdder();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger attemptsStarted = new AtomicInteger();
    /** How long a stalled transfer waits for its requests to stop before it fails anyway. */
    static final Duration STALL_GRACE = Duration.ofSeconds(5);
    /** Orders cancel() against the workers' decision to start an attempt. */
    private final Object startGate = new Object();
    private final PartWorkers workers;
    private volatile TransferProgress.Phase phase = TransferProgress.Phase.PLANNING;
    private volatile int partsTotal = -1;
    private volatile long bytesTotal = -1;
    private volatile ChunkedUploadSession upload;
    /** Sends one part: the upload's uploadPart, or a single-request put. */
    private volatile PartAttempt.Sender sender;
    /** The upload the parts are sent for, as listeners see it. */
    private volatile UploadHandle sendingFor;
    /** When this transfer began, or when the journaled upload it resumes began. */
    private volatile Instant began = Instant.now();
    private volatile Journal journal;
    private volatile boolean cancelled;
    /** Set by the stall watchdog before it cancels; the failure then names the stall. */
    private volatile java.time.Duration stalledFor;
    /** While true the stall watchdog watches: from the start until complete is sent. */
    private volatile boolean uploading = true;
    /** True while the engine waits for a stream's producer: a slow producer is not a stalled store. */
    private volatile boolean readingSource;
    private volatile Thread coordinator;

    TransferRun(RunSettings settings, StorageBackend backend) {
        this.settings = settings;
        this.backend = backend;
        this.workers = settings.sharedWorkers() != null ? PartWorkers.sharing(settings.sharedWorkers())
                : PartWorkers.own(settings.concurrency());
    }

    /**
     * Gives the transfer the upload it sends parts to (null when it turned out to be gone) and, for a
     * file, its journal; called by the body right after the upload was initiated or resumed. On failure
     * the transfer aborts (or keeps) this upload; on success it deletes this journal.
     */
    void attach(ChunkedUploadSession session, Journal journalOrNull) {
        this.upload = session;
        this.sender = session == null ? null : session::uploadPart;
        this.sendingFor = session == null ? null : session.handle();
        this.journal = journalOrNull;
        if (journalOrNull != null && journalOrNull.initiated != null) {
            began = journalOrNull.initiated;
        }
    }

    /** Sends the transfer's one part with {@code put} (an object stored in a single request): nothing to abort. */
    void attachPut(UploadHandle handle, PartAttempt.Sender put) {
        this.sender = put;
        this.sendingFor = handle;
    }

    private String target() {
        ChunkedUploadSession s = upload;
        return s == null ? "the store" : s.handle().target().toString();
    }

    /** @return the upload, or null before {@link #attach} */
    @Nullable ChunkedUploadSession upload() {
        return upload;
    }

    /** Sets the totals progress reports, once they are known. */
    void expect(int parts, long bytes) {
        partsTotal = parts;
        bytesTotal = bytes;
    }

    /** Reads the next part of a stream; meanwhile a stall is the producer's, not the store's. */
    int readSource(InputStream in, byte[] buf) throws IOException {
        readingSource = true;
        try {
            return in.readNBytes(buf, 0, buf.length);
        } finally {
            readingSource = false;
        }
    }

    /** @return the settings of this transfer */
    RunSettings settings() {
        return settings;
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
        return "no byte reached " + (upload != null ? upload.handle().target().toString() : "the store") + " for "
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
        if (settings.stallTimeout() != null) {
            StallWatchdog.watch(this, settings.stallTimeout());
        }
        Thread t = new Thread(() -> execute(body), "chunked-upload-transfer");
        t.setDaemon(true);
        coordinator = t;
        t.start();
        return this;
    }

    /** Runs the body on the coordinator thread, then ends the transfer with its result or failure. */
    private void execute(Body body) {
        coordinator = Thread.currentThread();
        try {
            UploadResult r = body.run(this);
            if (journal != null) {
                journal.delete();
            }
            phase = TransferProgress.Phase.DONE;
            settings.listener().onCompleted(r, progress());
            end = System.nanoTime();
            beforeEnd.run();
            future.complete(r);
        } catch (Throwable t) {
            fail(t);
        } finally {
            workers.close();
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
        workers.stop();
        Thread c = coordinator;
        if (c != null && c != Thread.currentThread()) {
            c.interrupt();
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    int attemptsStarted() {
        return attemptsStarted.get();
    }

    TransferProgress progress() {
        return new TransferProgress(sent.sum(), bytesTotal, done.get(), partsTotal, retries.get(),
                Duration.ofNanos((end != 0 ? end : System.nanoTime()) - start), phase); // frozen once ended
    }

    /** Counts a part that an earlier run already uploaded. */
    void alreadyDone(PartReceipt r) {
        done.incrementAndGet();
        sent.add(r.size());
    }

    private void fail(Throwable t) {
        RuntimeException e = stalledFor != null ? new StalledTransferException(stallMessage(), t)
                : TransferFailure.of(t, cancelled);
        // our own cancel() may have interrupted this thread: clear the flag so that the workers are really
        // waited for (a part still in flight must not race the abort) and the abort is not cut short
        boolean interrupted = Thread.interrupted();
        try {
            if (!workers.stopAndWait(Duration.ofMinutes(1))) {
                e.addSuppressed(new IllegalStateException("part workers did not stop within a minute"));
            }
        } catch (InterruptedException ie) {
            interrupted = true;
        }
        ChunkedUploadSession s = upload;
        if (s != null) {
            phase = settings.keepOnFailure() ? phase : TransferProgress.Phase.ABORTING;
            FailedTransfer.abortOrKeep(s, journal, settings.keepOnFailure(), e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        phase = TransferProgress.Phase.FAILED;
        settings.listener().onFailed(s == null ? null : s.handle(), e, s != null && !settings.keepOnFailure());
        end = end == 0 ? System.nanoTime() : end;
        beforeEnd.run();
        future.completeExceptionally(e);
    }

    /**
     * Uploads the given parts in parallel; the first failure stops the others.
     *
     * @param tasks the parts to send
     * @param algorithm the part checksum to compute and send, or null
     * @return their receipts, in the order of {@code tasks}
     */
    List<PartReceipt> uploadAll(List<PartTask> tasks, @Nullable ChecksumAlgorithm algorithm) throws InterruptedException {
        BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        List<Future<PartReceipt>> futures = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            int k = i;
            futures.add(submit(tasks.get(i), algorithm, () -> ended.add(k)));
        }
        PartReceipt[] out = new PartReceipt[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            int k = ended.take(); // in completion order: a failure is seen at once
            out[k] = PartWorkers.await(futures.get(k));
        }
        return Arrays.asList(out);
    }

    /** Sends one part on a worker, then runs {@code after} whatever the outcome. */
    Future<PartReceipt> submit(PartTask task, ChecksumAlgorithm algorithm, Runnable after) {
        if (phase == TransferProgress.Phase.PLANNING || phase == TransferProgress.Phase.VERIFYING) {
            phase = TransferProgress.Phase.UPLOADING;
        }
        return workers.submit(() -> {
            try {
                return uploadPart(task, algorithm);
            } finally {
                after.run();
            }
        });
    }

    /**
     * One part, with retries. Its checksum (when the provider verifies one) is computed once, before
     * the first attempt. No attempt starts once the transfer is cancelled or has failed.
     */
    private PartReceipt uploadPart(PartTask task, ChecksumAlgorithm algorithm) throws InterruptedException {
        int partNumber = task.partNumber();
        Checksum checksum = algorithm == null ? null : PartSources.checksum(task.body().open(), algorithm);
        for (int attempt = 1; ; attempt++) {
            synchronized (startGate) { // the check and the count are one step for cancel()
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    throw new CancelledTransferException("the transfer was cancelled before part " + partNumber + " was sent",
                            null);
                }
                attemptsStarted.incrementAndGet();
            }
            try {
                PartReceipt r = PartAttempt.send(sendingFor, sender, task, attempt, checksum, sent, settings);
                if (journal != null) {
                    journal.record(r);
                }
                done.incrementAndGet();
                settings.listener().onPartCompleted(r, progress());
                return r;
            } catch (ChunkedUploadException e) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (cancelled || workers.stopped() || !e.retryable() || attempt >= settings.retry().maxAttempts()
                        || waited.compareTo(settings.retry().deadline()) > 0) {
                    throw e;
                }
                Duration backoff = settings.retry().backoff(attempt);
                retries.incrementAndGet();
                LOG.warn("part {} of {} failed (attempt {} of {}), retrying in {} ms: {}", partNumber, target(),
                        attempt, settings.retry().maxAttempts(), backoff.toMillis(), e.getMessage());
                settings.listener().onPartRetry(partNumber, attempt, e, backoff);
                Thread.sleep(backoff.toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Completes the upload with receipts in part order; when the outcome is unknown (lost response, timeout, a retried complete
     * answered "no such upload") it is resolved by looking at the object at the key.
     */
    UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        synchronized (startGate) { // a cancelled transfer never completes, even when its last part is in
            if (cancelled) {
                throw new CancelledTransferException("the transfer was cancelled before complete", null);
            }
            uploading = false; // complete may take long without moving a byte: the stall watchdog stops here
        }
        return OutcomeCheck.complete(upload, backend, receipts, precondition, began, settings.retry(), this);
    }

    @Override
    public void retrying() {
        retries.incrementAndGet();
    }

    @Override
    public void completing() {
        phase = TransferProgress.Phase.COMPLETING;
    }

    /** Says the transfer is looking at the store (resume: which parts it holds; or what an old complete did). */
    @Override
    public void verifying() {
        phase = TransferProgress.Phase.VERIFYING;
    }

    /** Stops the workers without ending the transfer (parts sent for a shared upload run in the caller's thread). */
    void shutdown() {
        workers.close();
    }
}
