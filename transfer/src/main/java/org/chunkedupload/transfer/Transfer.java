package org.chunkedupload.transfer;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;

/**
 * A running upload, started by {@link Uploader}. Poll {@link #progress()}, wait with {@link #join()},
 * or stop it with {@link #cancel()}. Thread-safe.
 */
public final class Transfer {
    private final TransferRun run;

    Transfer(TransferRun run) {
        this.run = run;
    }

    /**
     * Stops the transfer: no part request starts after this call, parts in flight are interrupted,
     * and the upload is aborted — or kept for resume if the uploader was built with
     * {@link Uploader.Builder#keepOnFailure(boolean)}. {@link #join()} then throws
     * {@link CancelledTransferException}. Idempotent; does nothing once the transfer finished.
     */
    public void cancel() {
        if (!run.future.isDone()) {
            run.cancel();
        }
    }

    /**
     * Waits for the transfer to finish.
     *
     * @return the result of complete
     * @throws ChunkedUploadException why it failed; the upload was then aborted unless kept
     * @throws CancelledTransferException when it was cancelled, or the waiting thread was interrupted
     */
    public UploadResult join() {
        try {
            return run.future.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CancelledTransferException("interrupted while waiting for the transfer; it was cancelled", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new ChunkedUploadException("transfer failed: " + c, c);
        }
    }

    /** @return a snapshot of the progress */
    public TransferProgress progress() {
        return run.progress();
    }

    /** @return the upload's handle, once it was initiated (save it to resume elsewhere) */
    public Optional<UploadHandle> handle() {
        ChunkedUploadSession s = run.upload();
        return s == null ? Optional.empty() : Optional.of(s.handle());
    }

    /** @return whether the transfer finished, successfully or not */
    public boolean isDone() {
        return run.future.isDone();
    }

    /** @return a future completed with the result; cancelling it does not cancel the transfer (use {@link #cancel()}) */
    public CompletableFuture<UploadResult> future() {
        return run.future.copy();
    }

    /** @return part attempts started so far, retries included (for tests and diagnostics) */
    int attemptsStarted() {
        return run.attemptsStarted();
    }
}
