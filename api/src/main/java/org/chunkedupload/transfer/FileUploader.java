package org.chunkedupload.transfer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;

/**
 * Uploads a file as a chunked upload: parts are read with positional reads (the file is never
 * loaded whole), sent in parallel, and completed in part order. On any failure or interrupt the
 * remaining parts are cancelled and the upload is aborted, so nothing is left behind. Immutable
 * and thread-safe; build with {@link #builder()}.
 */
public final class FileUploader {
    private final long partSize;
    private final int concurrency;
    private final ProgressListener progress;
    private final WritePrecondition precondition;
    private final UploadOptions options;

    private FileUploader(Builder b) {
        this.partSize = b.partSize;
        this.concurrency = b.concurrency;
        this.progress = b.progress;
        this.precondition = b.precondition;
        this.options = b.options;
    }

    /** @return a builder with automatic part size and a concurrency of 4 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param backend the store
     * @param file the file to upload
     * @param target where to put it
     * @return the result of complete
     * @throws ChunkedUploadException when the upload fails; it has then been aborted
     * @throws IllegalArgumentException when {@code file} is not a readable regular file
     */
    public UploadResult upload(StorageBackend backend, Path file, ObjectTarget target) {
        BasicFileAttributes before = attributes(file);
        PartPlan plan = PartPlan.of(before.size(), backend.capabilities(), partSize, backend.providerId());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkedUploadSession session = backend.initiate(target, options);
            try {
                List<PartReceipt> receipts = uploadParts(session, ch, plan);
                BasicFileAttributes after = attributes(file);
                if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
                    throw new IntegrityException(file + " changed while it was being uploaded; upload it again");
                }
                return session.complete(receipts, precondition);
            } catch (RuntimeException | Error e) {
                abortQuietly(session, e);
                throw e;
            }
        } catch (IOException e) {
            throw new TransientStorageException("cannot read " + file + ": " + e.getMessage(), e, false);
        }
    }

    private List<PartReceipt> uploadParts(ChunkedUploadSession session, FileChannel ch, PartPlan plan) {
        AtomicLong sent = new AtomicLong();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, plan.partCount()), r -> {
            Thread t = new Thread(r, "chunked-upload-part-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<PartReceipt>> futures = new ArrayList<>(plan.partCount());
        try {
            for (int i = 0; i < plan.partCount(); i++) {
                int index = i;
                futures.add(pool.submit(() -> session.uploadPart(plan.partNumber(index),
                        new FileRangeInputStream(ch, plan.offset(index), plan.length(index),
                                n -> progress.onProgress(sent.addAndGet(n), plan.objectSize())),
                        plan.length(index))));
            }
            List<PartReceipt> receipts = new ArrayList<>(futures.size());
            for (Future<PartReceipt> f : futures) {
                receipts.add(f.get());
            }
            return receipts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledTransferException("upload of " + session.handle().target() + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new TransientStorageException("part upload failed: " + c, c, false);
        } catch (CancellationException e) {
            throw new CancelledTransferException("upload of " + session.handle().target() + " was cancelled", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void abortQuietly(ChunkedUploadSession session, Throwable cause) {
        try {
            session.abort();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static BasicFileAttributes attributes(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new IllegalArgumentException(file + " is not a regular file");
            }
            return a;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Mutable builder of {@link FileUploader}; not thread-safe. */
    public static final class Builder {
        private long partSize;
        private int concurrency = 4;
        private ProgressListener progress = ProgressListener.none();
        private WritePrecondition precondition = WritePrecondition.none();
        private UploadOptions options = UploadOptions.defaults();

        private Builder() {
        }

        /**
         * @param bytes part size, or 0 to size parts automatically from the object size and the provider's limits
         * @return this builder
         */
        public Builder partSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("part size must be >= 0 (0 = automatic)");
            }
            this.partSize = bytes;
            return this;
        }

        /**
         * @param parts how many parts are in flight at once (1..256)
         * @return this builder
         */
        public Builder concurrency(int parts) {
            if (parts < 1 || parts > 256) {
                throw new IllegalArgumentException("concurrency must be between 1 and 256, got " + parts);
            }
            this.concurrency = parts;
            return this;
        }

        /**
         * @param listener receives progress
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * @param value the precondition for complete
         * @return this builder
         */
        public Builder precondition(WritePrecondition value) {
            this.precondition = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value content type and metadata
         * @return this builder
         */
        public Builder options(UploadOptions value) {
            this.options = Objects.requireNonNull(value);
            return this;
        }

        /** @return the uploader */
        public FileUploader build() {
            return new FileUploader(this);
        }
    }
}
