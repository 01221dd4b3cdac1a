package org.chunkedupload.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.transfer.RangeSource;
import org.chunkedupload.transfer.Uploader;

/**
 * Runs on an executor: sends one {@link PartRange} of a giant object into the upload the driver
 * initiated, with the engine's per-part retry and {@code concurrency} parts in flight, and returns
 * the receipts. Never completes and never aborts: the driver does. Holds no secret (see
 * {@link ExecutorConfig}).
 */
final class PartRangeTask implements FlatMapFunction<PartRange, PartReceipt> {
    private static final long serialVersionUID = 1L;
    private final ExecutorConfig config;
    private final UploadHandle handle;
    private final SourcePath source;
    private final long partSize;
    private final int concurrency;
    private final JobMetrics metrics;

    PartRangeTask(ExecutorConfig config, UploadHandle handle, SourcePath source, long partSize, int concurrency,
                  JobMetrics metrics) {
        this.config = config;
        this.handle = handle;
        this.source = source;
        this.partSize = partSize;
        this.concurrency = concurrency;
        this.metrics = metrics;
    }

    @Override
    public Iterator<PartReceipt> call(PartRange range) {
        StorageBackend backend = config.backend();
        RangeSource src = source.open();
        Uploader u = Uploader.builder().partSize(partSize).concurrency(concurrency).listener(metrics.listener()).build();
        int firstNumber = backend.capabilities().minPartNumber();
        List<PartReceipt> out = new ArrayList<>();
        int runStart = -1;
        for (int n = range.first(); n <= range.last() + 1; n++) {
            PartReceipt kept = n <= range.last() ? range.stored().get(n) : null;
            boolean send = n <= range.last() && (kept == null || !sameBytes(kept, src, n - firstNumber));
            if (send && runStart < 0) {
                runStart = n;
            } else if (!send && runStart >= 0) {
                out.addAll(u.uploadParts(backend, handle, src, runStart, n - 1));
                runStart = -1;
            }
            if (kept != null && !send) {
                out.add(kept);
            }
        }
        return out.iterator();
    }

    /** @return whether the store's part {@code index} holds the source's bytes there (size and CRC-32C) */
    private boolean sameBytes(PartReceipt stored, RangeSource src, int index) {
        long offset = index * partSize;
        long length = Math.min(partSize, src.size() - offset);
        if (stored.size() != length || stored.checksum() == null
                || stored.checksum().algorithm() != ChecksumAlgorithm.CRC32C) {
            return false; // nothing to confirm the bytes with: send the part again
        }
        try {
            return stored.checksum().equals(Crc32c.of(src.open(offset, length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
