package org.chunkedupload.spark;

import java.io.Serializable;
import java.time.Duration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.transfer.TransferListener;
import org.chunkedupload.transfer.TransferProgress;

/**
 * What the executors report to the driver through Spark accumulators: bytes and parts the store
 * acknowledged, and part attempts retried. Serializable (accumulators travel with tasks); the
 * listener adds under a lock, since a task's parts finish on several threads and an accumulator is
 * not thread-safe.
 */
final class JobMetrics implements Serializable {
    private static final long serialVersionUID = 1L;
    final LongAccumulator bytes;
    final LongAccumulator parts;
    final LongAccumulator retries;

    JobMetrics(JavaSparkContext sc) {
        bytes = sc.sc().longAccumulator("chunked-upload bytes");
        parts = sc.sc().longAccumulator("chunked-upload parts");
        retries = sc.sc().longAccumulator("chunked-upload retries");
    }

    /** @return a listener, for an executor's uploader, that adds to the accumulators */
    TransferListener listener() {
        return new TransferListener() {
            @Override
            public void onPartCompleted(PartReceipt receipt, TransferProgress progress) {
                synchronized (JobMetrics.this) { // an accumulator is not thread-safe; parts finish on several threads
                    bytes.add(receipt.size());
                    parts.add(1);
                }
            }

            @Override
            public void onPartRetry(int partNumber, int failedAttempt, ChunkedUploadException cause, Duration backoff) {
                synchronized (JobMetrics.this) {
                    retries.add(1);
                }
            }
        };
    }

    @Override
    public String toString() {
        return parts.value() + " parts, " + bytes.value() + " bytes acknowledged, " + retries.value() + " retries";
    }
}
