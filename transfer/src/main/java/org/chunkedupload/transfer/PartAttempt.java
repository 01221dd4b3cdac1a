package org.chunkedupload.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.PartReceipt;

/**
 * One attempt to send a part: tells the listener when it starts and ends, and counts the bytes the
 * provider reads.
 */
final class PartAttempt {
    private PartAttempt() {
    }

    /** Sends one part: an upload's {@code uploadPart}, or a single-request put of the whole object. */
    interface Sender {
        PartReceipt send(int partNumber, java.util.function.Supplier<? extends java.io.InputStream> body, long length,
                         Checksum checksum);
    }

    static PartReceipt send(UploadHandle handle, Sender sender, PartTask task, int attempt, Checksum checksum,
                            LongAdder sent, RunSettings settings) throws InterruptedException, IOException {
        TransferListener listener = settings.listener();
        listener.onPartStarted(handle, task.partNumber(), attempt);
        long began = System.nanoTime();
        try {
            // a re-openable source: a provider may read the part more than once (SDK retry, unsigned payload)
            PartReceipt r = sender.send(task.partNumber(), () -> new CountingInputStream(task.body().open(), sent),
                    task.length(), checksum);
            listener.onPartFinished(handle, task.partNumber(), r.size(),
                    Duration.ofNanos(System.nanoTime() - began), null);
            return r;
        } catch (ChunkedUploadException e) {
            listener.onPartFinished(handle, task.partNumber(), task.length(),
                    Duration.ofNanos(System.nanoTime() - began), e);
            throw e;
        }
    }
}
