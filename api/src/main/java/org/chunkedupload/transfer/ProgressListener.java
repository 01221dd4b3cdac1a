package org.chunkedupload.transfer;

/** Receives progress of a transfer. Called from worker threads; implementations must be thread-safe and fast. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bytesSent bytes handed to the store so far (may count a retried part twice)
     * @param bytesTotal the size of the object
     */
    void onProgress(long bytesSent, long bytesTotal);

    /** @return a listener that ignores progress */
    static ProgressListener none() {
        return (sent, total) -> { };
    }
}
