package org.chunkedupload.transfer;

import java.time.Duration;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;

/**
 * Receives transfer events: one call per part, never per byte. For byte-level progress, poll
 * {@link Transfer#progress()}. Called from worker threads; implementations must be thread-safe and fast.
 */
public interface TransferListener {
    /** A listener that ignores every event. */
    TransferListener NONE = new TransferListener() { };

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
}
