package org.chunkedupload.spark;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.Uploader;

/**
 * Uploads on Apache Spark, a plain Java class usable from Java and Scala:
 * <ul>
 *   <li>{@link #uploadObject}: one giant object; the driver plans and initiates, executors send
 *       contiguous part ranges (per-part retry, bounded memory), the driver completes with the receipts
 *       confirmed by the store's part list;</li>
 *   <li>{@link #uploadDirectory} / {@link #uploadFiles}: many files spread over executors, one result
 *       row per file; large files are sent as giant objects.</li>
 * </ul>
 * A failed or cancelled job aborts what it started, or with {@link Builder#keepOnFailure(boolean)}
 * keeps it and throws a {@link SparkUploadException} whose manifest {@link #resume(UploadManifest)}
 * finishes (parts and files already on the store are not sent again). Sources are paths every
 * executor can read (see {@link SourcePath}).
 */
public final class SparkUpload {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkUpload.class);
    final JavaSparkContext sc;
    final ExecutorConfig config;
    final long partSize;
    final int tasks;
    final int concurrency;
    final boolean keepOnFailure;
    final long largeFile;
    final UploadOptions options;
    final JobMetrics metrics;

    private SparkUpload(Builder b) {
        this.sc = b.sc;
        this.config = b.config;
        this.partSize = b.partSize;
        this.tasks = b.tasks > 0 ? b.tasks : Math.max(1, b.sc.defaultParallelism());
        this.concurrency = b.concurrency;
        this.keepOnFailure = b.keepOnFailure;
        this.largeFile = b.largeFile;
        this.options = b.options;
        this.metrics = new JobMetrics(b.sc);
    }

    /**
     * @param sc the application's Spark context
     * @param config what every executor opens its store from
     * @return a builder
     */
    public static Builder builder(JavaSparkContext sc, ExecutorConfig config) {
        return new Builder(sc, config);
    }

    /**
     * Runs a Spark job in its own job group whose tasks are interrupted when the job is cancelled or
     * fails: a task of a failed job stops sending parts instead of running on unseen.
     */
    <T> T inGroup(String description, java.util.function.Supplier<T> job) {
        sc.setJobGroup("chunked-upload-" + java.util.UUID.randomUUID(), description, true);
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    LOG.info("{}: {} so far", description, metrics);
                }
            } catch (InterruptedException e) {
                // the job ended
            }
        }, "chunked-upload-spark-progress");
        progress.setDaemon(true);
        progress.start();
        try {
            return job.get();
        } finally {
            progress.interrupt();
            sc.clearJobGroup();
        }
    }

    /** @return an uploader with this job's part size, for planning */
    Uploader uploader() {
        return Uploader.builder().partSize(partSize).concurrency(concurrency).build();
    }

    /**
     * Uploads one object from many tasks.
     *
     * @param source a path every executor can read (local, {@code file:}, {@code hdfs://}, {@code s3a://}, ...)
     * @param target where to put it
     * @return the result of complete
     * @throws SparkUploadException when the job failed and its upload was kept
     * @throws org.chunkedupload.api.ChunkedUploadException when the job failed and its upload was aborted
     */
    public UploadResult uploadObject(String source, ObjectTarget target) {
        return ObjectJob.run(this, new SourcePath(source), target, null);
    }

    /**
     * Uploads every regular file under a local (shared) directory to {@code prefix/relative/path}.
     *
     * @return one row per file
     */
    public List<FileResult> uploadDirectory(Path dir, String bucket, String prefix) {
        return FileJob.run(this, bucket, FileJob.listDirectory(dir, prefix), false);
    }

    /**
     * Uploads the given files.
     *
     * @param files {@code source + "\t" + key} for each file (a source is any path every executor can read)
     * @return one row per file
     */
    public List<FileResult> uploadFiles(String bucket, List<String> files) {
        return FileJob.run(this, bucket, files, false);
    }

    /**
     * Finishes what a failed job kept: for an object, the parts the store holds with the source's
     * bytes are kept and only the others sent; for files, those already uploaded are skipped.
     *
     * @param manifest {@link SparkUploadException#manifest()} of the failed job
     * @return the object's result, or null for files (see {@link #resumeFiles})
     */
    public UploadResult resume(UploadManifest manifest) {
        if (manifest.handle() == null) {
            resumeFiles(manifest);
            return null;
        }
        return ObjectJob.run(this, new SourcePath(manifest.source()), new ObjectTarget(manifest.handle().providerId(),
                manifest.handle().bucket(), manifest.handle().key()), manifest);
    }

    /** @return one row per file of a kept file job: skipped when already on the store, else uploaded or failed */
    public List<FileResult> resumeFiles(UploadManifest manifest) {
        FileJob.abortPending(config.backend(), manifest.bucket(), manifest.files(), java.time.Instant.EPOCH);
        return FileJob.run(this, manifest.bucket(), manifest.files(), true);
    }

    /** @return bytes acknowledged by the store so far, over every job of this instance (from executors' accumulators) */
    public long bytesSent() {
        return metrics.bytes.value();
    }

    /** @return parts acknowledged so far */
    public long partsSent() {
        return metrics.parts.value();
    }

    /** @return part attempts retried so far */
    public long retries() {
        return metrics.retries.value();
    }

    /** Mutable builder of {@link SparkUpload}. */
    public static final class Builder {
        private final JavaSparkContext sc;
        private final ExecutorConfig config;
        private long partSize;
        private int tasks;
        private int concurrency = 2;
        private boolean keepOnFailure;
        private long largeFile = 256L << 20;
        private UploadOptions options = UploadOptions.defaults();

        private Builder(JavaSparkContext sc, ExecutorConfig config) {
            this.sc = java.util.Objects.requireNonNull(sc, "sc");
            this.config = java.util.Objects.requireNonNull(config, "config");
        }

        /** @param bytes the part size (default: automatic, from the object size and the provider) @return this */
        public Builder partSize(long bytes) {
            this.partSize = bytes;
            return this;
        }

        /** @param n tasks an object's parts are spread over (default: the context's default parallelism) @return this */
        public Builder tasks(int n) {
            this.tasks = n;
            return this;
        }

        /** @param parts parts in flight within one task (default 2) @return this */
        public Builder concurrencyPerTask(int parts) {
            this.concurrency = parts;
            return this;
        }

        /** @param keep keep a failed job's uploads for {@link #resume} instead of aborting them @return this */
        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        /** @param bytes files of at least this size go as giant objects over all tasks (default 256 MiB) @return this */
        public Builder largeFile(long bytes) {
            this.largeFile = bytes;
            return this;
        }

        /** @param value the objects' properties (content type, metadata, ...) @return this */
        public Builder options(UploadOptions value) {
            this.options = value;
            return this;
        }

        /** @return the uploader */
        public SparkUpload build() {
            return new SparkUpload(this);
        }
    }
}
