package org.chunkedupload.transfer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.PartReceipt;

/**
 * The live figures of a {@link DirectoryUpload}, for a progress display: bytes acknowledged over all
 * files (a part counts once the store acknowledged it) against the bytes to send, and files ended
 * against files found. A skipped file leaves the bytes to send. Thread-safe; poll {@link #snapshot()}.
 */
public final class TreeProgress {
    private final LongAdder sent = new LongAdder();
    private final AtomicLong bytesTotal = new AtomicLong(-1);
    private final AtomicInteger filesEnded = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private volatile int filesTotal = -1;
    private volatile TransferProgress.Phase phase = TransferProgress.Phase.PLANNING;
    private final long start = System.nanoTime();
    private volatile long end;

    /** A tree upload not begun yet: planning (listing the directory). */
    public TreeProgress() {
    }

    /**
     * @return the figures now: parts stand for files ({@code partsDone} files ended of {@code partsTotal}
     *     found), bytes for bytes acknowledged of the bytes to send
     */
    public TransferProgress snapshot() {
        return new TransferProgress(sent.sum(), bytesTotal.get(), filesEnded.get(), filesTotal, retries.get(),
                Duration.ofNanos((end != 0 ? end : System.nanoTime()) - start), phase);
    }

    /** The directory was listed: this many files of this many bytes. */
    void planned(int files, long bytes) {
        filesTotal = files;
        bytesTotal.set(bytes);
        phase = TransferProgress.Phase.UPLOADING;
    }

    /** One file ended; a skipped one's bytes are no longer to send. */
    void fileEnded(DirectoryUpload.FileOutcome outcome) {
        if (outcome.status() == DirectoryUpload.Status.SKIPPED) {
            bytesTotal.addAndGet(-outcome.bytes());
        }
        filesEnded.incrementAndGet();
    }

    /** The tree ended. */
    void ended(boolean allUploaded) {
        end = System.nanoTime();
        phase = allUploaded ? TransferProgress.Phase.DONE : TransferProgress.Phase.FAILED;
    }

    /** @return a listener that counts every file's acknowledged parts and retries here */
    TransferListener listener() {
        return new TransferListener() {
            @Override
            public void onPartCompleted(PartReceipt receipt, TransferProgress progress) {
                sent.add(receipt.size());
            }

            @Override
            public void onPartRetry(int partNumber, int failedAttempt, ChunkedUploadException cause, Duration backoff) {
                retries.incrementAndGet();
            }
        };
    }
}
