package org.chunkedupload.transfer;

import java.time.Duration;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.jspecify.annotations.Nullable;

/**
 * Receives transfer events: a few calls per part attempt, never per byte; what a metrics binding
 * (see the {@code metrics-micrometer} module) or a progress display needs. For byte-level progress, poll
 * {@link Transfer#progress()}. Called from worker threads; implementations must be thread-safe and fast.
 */
public interface TransferListener {
    /** A listener that ignores every event. */
    TransferListener NONE = new TransferListener() { };

    /**
     * @param listeners listeners to call, in this order
     * @return one listener that passes every event to each of them
     */
    static TransferListener all(TransferListener... listeners) {
        java.util.List<TransferListener> each = java.util.List.of(listeners);
        return new TransferListener() {
            @Override
            public void onInitiated(UploadHandle handle) {
                each.forEach(l -> l.onInitiated(handle));
            }

            @Override
            public void onPartCompleted(PartReceipt receipt, TransferProgress progress) {
                each.forEach(l -> l.onPartCompleted(receipt, progress));
            }

            @Override
            public void onPartRetry(int partNumber, int failedAttempt, ChunkedUploadException cause, Duration backoff) {
                each.forEach(l -> l.onPartRetry(partNumber, failedAttempt, cause, backoff));
            }

            @Override
            public void onCompleted(UploadResult result, TransferProgress progress) {
                each.forEach(l -> l.onCompleted(result, progress));
            }

            @Override
            public void onPartStarted(UploadHandle handle, int partNumber, int attempt) {
                each.forEach(l -> l.onPartStarted(handle, partNumber, attempt));
            }

            @Override
            public void onPartFinished(UploadHandle handle, int partNumber, long bytes, Duration elapsed,
                                       ChunkedUploadException failure) {
                each.forEach(l -> l.onPartFinished(handle, partNumber, bytes, elapsed, failure));
            }

            @Override
            public void onFailed(UploadHandle handle, RuntimeException failure, boolean aborted) {
                each.forEach(l -> l.onFailed(handle, failure, aborted));
            }
        };
    }

    /**
     * The upload exists; its handle may now be saved.
     *
     * @param handle the handle
     */
    default void onInitiated(UploadHandle handle) {
    }

    /**
     * A part was acknowledged by the store.
     *
     * @param receipt its receipt
     * @param progress the progress after it
     */
    default void onPartCompleted(PartReceipt receipt, TransferProgress progress) {
    }

    /**
     * A part attempt failed and will be retried after {@code backoff}.
     *
     * @param partNumber the part
     * @param failedAttempt the attempt that failed (1 = first)
     * @param cause why it failed
     * @param backoff the wait before the next attempt
     */
    default void onPartRetry(int partNumber, int failedAttempt, ChunkedUploadException cause, Duration backoff) {
    }

    /**
     * The object was created.
     *
     * @param result the result
     * @param progress the final progress
     */
    default void onCompleted(UploadResult result, TransferProgress progress) {
    }

    /**
     * An attempt to send a part begins.
     *
     * @param handle the upload (its {@link UploadHandle#providerId()} names the provider)
     * @param partNumber the part
     * @param attempt 1 for the first attempt
     */
    default void onPartStarted(UploadHandle handle, int partNumber, int attempt) {
    }

    /**
     * An attempt to send a part ended, stored or failed (a failed attempt may be retried).
     *
     * @param handle the upload
     * @param partNumber the part
     * @param bytes the part's length
     * @param elapsed how long the attempt took
     * @param failure why it failed, or {@code null} when the store took the part
     */
    default void onPartFinished(UploadHandle handle, int partNumber, long bytes, Duration elapsed,
                                @Nullable ChunkedUploadException failure) {
    }

    /**
     * The transfer failed or was cancelled; called after the upload was aborted or kept.
     *
     * @param handle the upload, or {@code null} when it was never initiated
     * @param failure what the transfer reports
     * @param aborted whether the upload was aborted (false: kept for a resume, or none)
     */
    default void onFailed(@Nullable UploadHandle handle, RuntimeException failure, boolean aborted) {
    }
}
