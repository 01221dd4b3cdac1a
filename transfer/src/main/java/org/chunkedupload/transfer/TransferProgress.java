package org.chunkedupload.transfer;

import java.time.Duration;

/**
 * A snapshot of a transfer's progress.
 *
 * @param bytesSent bytes handed to the store, counting re-sent parts again
 * @param bytesTotal the object size, or -1 for a stream of unknown length
 * @param partsDone parts the store acknowledged
 * @param partsTotal the number of parts, or -1 while a stream is still being read
 * @param retries part attempts that failed and were retried
 * @param elapsed time since the transfer started
 * @param phase what the transfer is doing now
 */
public record TransferProgress(long bytesSent, long bytesTotal, int partsDone, int partsTotal, int retries,
                               Duration elapsed, Phase phase) {
    /** What a transfer is doing, in the order a transfer usually goes through them. */
    public enum Phase {
        /** Reading the source's size, planning parts, initiating or resuming the upload. */
        PLANNING,
        /** Sending parts. */
        UPLOADING,
        /**
         * Looking at the store rather than guessing: on resume, which parts it holds; after a complete
         * with no definite answer, whether the object at the key is this upload's.
         */
        VERIFYING,
        /** Asking the store to join the parts (a large object may take the store a while). */
        COMPLETING,
        /** Freeing the parts of a failed or cancelled transfer. */
        ABORTING,
        /** The object is in place. */
        DONE,
        /** The transfer failed; its upload was aborted or kept for resume. */
        FAILED;

        /** @return the phase in lower case, as the CLI shows it */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A snapshot of a transfer still sending parts. */
    public TransferProgress(long bytesSent, long bytesTotal, int partsDone, int partsTotal, int retries,
                            Duration elapsed) {
        this(bytesSent, bytesTotal, partsDone, partsTotal, retries, elapsed, Phase.UPLOADING);
    }

    /** @return the average rate since the start, in bytes per second */
    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : bytesSent / s;
    }
}
