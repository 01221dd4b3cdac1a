package org.chunkedupload.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.transfer.DirectoryUpload.Status;
import org.chunkedupload.transfer.RangeSource;
import org.chunkedupload.transfer.Uploader;

/**
 * Runs on an executor: uploads each file of its partition whole (a failed file is a row with its
 * error; its upload is aborted by the engine), and with {@code skipExisting} skips a file whose
 * object is there with its size and CRC-32C. Holds no secret (see {@link ExecutorConfig}).
 */
final class FileTask implements FlatMapFunction<Iterator<String[]>, FileResult> {
    private static final long serialVersionUID = 1L;
    private final ExecutorConfig config;
    private final String bucket;
    private final long partSize;
    private final int concurrency;
    private final boolean skipExisting;
    private final JobMetrics metrics;

    FileTask(ExecutorConfig config, String bucket, long partSize, int concurrency, boolean skipExisting,
             JobMetrics metrics) {
        this.config = config;
        this.bucket = bucket;
        this.partSize = partSize;
        this.concurrency = concurrency;
        this.skipExisting = skipExisting;
        this.metrics = metrics;
    }

    @Override
    public Iterator<FileResult> call(Iterator<String[]> files) {
        StorageBackend backend = config.backend();
        Uploader u = Uploader.builder().partSize(partSize).concurrency(concurrency).listener(metrics.listener()).build();
        List<FileResult> out = new ArrayList<>();
        while (files.hasNext()) {
            String[] f = files.next(); // source, key
            SourcePath src = new SourcePath(f[0]);
            ObjectTarget target = new ObjectTarget(backend.providerId(), bucket, f[1]);
            long size = -1;
            try {
                RangeSource range = src.open();
                size = range.size();
                if (skipExisting) {
                    String crc = existing(backend, target, range);
                    if (crc != null) {
                        out.add(new FileResult(f[0], f[1], size, crc, null, Status.SKIPPED, null));
                        continue;
                    }
                }
                UploadResult r;
                if (src.local()) {
                    r = u.upload(backend, java.nio.file.Path.of(f[0].startsWith("file:") ? java.net.URI.create(f[0]).getPath()
                            : f[0]), target);
                } else {
                    try (InputStream in = range.open(0, size)) {
                        r = u.upload(backend, in, target);
                    }
                }
                out.add(new FileResult(f[0], f[1], r.size(), r.checksum() == null ? null : r.checksum().base64(), r.etag(),
                        Status.UPLOADED, null));
            } catch (RuntimeException | IOException e) {
                out.add(new FileResult(f[0], f[1], Math.max(size, 0), null, null, Status.FAILED,
                        e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        return out.iterator();
    }

    /** @return the object's CRC-32C when it is there with the file's size and CRC-32C, else null */
    private static String existing(StorageBackend backend, ObjectTarget t, RangeSource range) throws IOException {
        Optional<ObjectInfo> info = backend.stat(t.bucket(), t.key());
        if (info.isEmpty() || info.get().size() != range.size()) {
            return null;
        }
        String crc = Crc32c.of(range.open(0, range.size())).base64();
        var stored = info.get().checksum();
        boolean same = stored != null && stored.algorithm() == ChecksumAlgorithm.CRC32C ? stored.base64().equals(crc)
                : Crc32c.of(backend.read(t.bucket(), t.key())).base64().equals(crc);
        return same ? crc : null;
    }
}
