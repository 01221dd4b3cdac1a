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
 */
public record TransferProgress(long bytesSent, long bytesTotal, int partsDone, int partsTotal, int retries,
                               Duration elapsed) {
    /** @return the average rate since the start, in bytes per second */
    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : bytesSent / s;
    }
}
