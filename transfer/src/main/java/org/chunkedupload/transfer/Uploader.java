package org.chunkedupload.transfer;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChecksumPolicy;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.Durations;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.jspecify.annotations.Nullable;

/**
 * The transfer engine: uploads a file, a buffer or a stream of unknown length as a chunked upload
 * on any provider — parts in parallel, each failed part retried alone, an optional journal to resume
 * after a crash, and abort (or keep, on request) when the transfer fails or is cancelled.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Part sizes come from the object size and the provider's capabilities ({@link PartPlan}), or
 * from {@link Builder#partSize(long)}; an impossible request fails before any byte moves. Streams of
 * unknown length use a {@link GrowthSchedule} and hold at most {@code (concurrency + 1)} part
 * buffers. When the provider verifies part checksums ({@link Feature#PART_CHECKSUM}), each part's
 * checksum (CRC-32C unless the provider takes another) is computed before it is sent; in every case
 * the API computes each part's CRC-32C while it is read and checks the whole-object CRC-32C against
 * the store's.
 */
public final class Uploader {
    /** First part size for streams of unknown length, when none is set: 8 MiB. */
    public static final long DEFAULT_STREAM_PART_SIZE = 8L << 20;
    /** The most parts in flight at once: 256 (the CLI, the configuration file and the builder all use it). */
    public static final int MAX_CONCURRENCY = 256;
    /** How long a transfer may make no progress before it fails, when not set: 2 minutes. */
    public static final java.time.Duration DEFAULT_STALL_TIMEOUT = java.time.Duration.ofMinutes(2);

    /** What every transfer of this uploader shares. */
    final RunSettings settings;
    final long partSize;
    private final ChecksumPolicy checksum;
    final WritePrecondition precondition;
    final UploadOptions options;
    final Path journal;

    private Uploader(Builder b) {
        this(new RunSettings(b.concurrency, b.retry, b.listener, b.keepOnFailure, b.stallTimeout, null), b.partSize,
                b.checksum, b.precondition, b.options, b.journal);
    }

    private Uploader(RunSettings settings, long partSize, ChecksumPolicy checksum, WritePrecondition precondition,
                     UploadOptions options, Path journal) {
        this.settings = settings;
        this.partSize = partSize;
        this.checksum = checksum;
        this.precondition = precondition;
        this.options = options;
        this.journal = journal;
    }

    /**
     * @return this uploader for one file of a tree: parts sent on the tree's {@code workers}, events
     *     also to {@code tree}; with a journal, the file's upload is kept on failure, for the tree's resume
     */
    Uploader forTreeFile(java.util.concurrent.ExecutorService workers, TransferListener tree, Path fileJournal) {
        return new Uploader(settings.sharing(workers, tree, fileJournal != null), partSize, checksum, WritePrecondition.none(),
                options, fileJournal);
    }

    /** @return a builder: automatic part size, concurrency 4, {@link RetryPolicy#defaults()}, automatic checksum */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes what an upload would do, without moving bytes.
     *
     * @param caps the provider's capabilities
     * @param providerId the provider id, for messages
     * @param size the object size, or -1 for a stream of unknown length
     * @return the plan
     * @throws org.chunkedupload.api.PartSizeException when the part size breaks the provider's limits
     */
    public TransferPlan plan(Capabilities caps, String providerId, long size) {
        return TransferPlan.of(caps, providerId, size, partSize, settings.concurrency());
    }

    /** @return the part checksum to compute and send, or null: see {@link ChecksumPolicy#partChecksum} */
    @Nullable ChecksumAlgorithm partChecksum(Capabilities caps, String providerId) {
        return checksum.partChecksum(caps, providerId).orElse(null);
    }

    /**
     * Starts uploading a file. The part plan is checked before the upload is initiated.
     *
     * @param backend the store
     * @param file a regular file
     * @param target where to put it
     * @return the running transfer
     * @throws IllegalArgumentException when the file is missing or not a regular file
     */
    public Transfer start(StorageBackend backend, Path file, ObjectTarget target) {
        SourceFingerprint fp = SourceFingerprint.ofSource(file);
        Capabilities caps = backend.capabilities();
        PartPlan plan = PartPlan.of(fp.size(), caps, partSize, backend.providerId());
        if (SinglePut.fits(caps, plan, journal, settings.sharedWorkers() != null)) {
            return SinglePut.start(this, backend, file, fp, plan, target);
        }
        ChecksumAlgorithm alg = partChecksum(caps, backend.providerId());
        return new Transfer(new TransferRun(settings, backend).owning(journal).start(run -> {
            ChunkedUploadSession upload = backend.initiate(target, withHint(plan.partSize()));
            Journal j = journal == null ? null
                    : new Journal(journal, upload.handle(), file, fp, plan.partSize(), precondition, Instant.now());
            run.attach(upload, j);
            if (j != null) {
                j.write();
            }
            settings.listener().onInitiated(upload.handle());
            return PlannedParts.uploadFile(run, file, fp, plan, alg, Map.of(), precondition);
        }));
    }

    UploadOptions withHint(long partSize) {
        return options.toBuilder().partSizeHint(partSize).build();
    }

    /**
     * Starts uploading an in-memory buffer (its remaining bytes); the buffer must not change meanwhile.
     *
     * @param backend the store
     * @param data the bytes
     * @param target where to put them
     * @return the running transfer
     */
    public Transfer start(StorageBackend backend, ByteBuffer data, ObjectTarget target) {
        return PlannedParts.start(this, backend, data, target);
    }

    /**
     * Starts uploading a stream of unknown length, read to its end (not closed). Memory is bounded by
     * {@code (concurrency + 1) ×} the current part size.
     *
     * @param backend the store
     * @param in the bytes
     * @param target where to put them
     * @return the running transfer
     */
    public Transfer start(StorageBackend backend, InputStream in, ObjectTarget target) {
        return StreamParts.start(this, backend, in, target);
    }

    /** {@link #start(StorageBackend, Path, ObjectTarget)}, then {@link Transfer#join()}. */
    public UploadResult upload(StorageBackend backend, Path file, ObjectTarget target) {
        return start(backend, file, target).join();
    }

    /** {@link #start(StorageBackend, ByteBuffer, ObjectTarget)}, then {@link Transfer#join()}. */
    public UploadResult upload(StorageBackend backend, byte[] data, ObjectTarget target) {
        return start(backend, ByteBuffer.wrap(data), target).join();
    }

    /** {@link #start(StorageBackend, InputStream, ObjectTarget)}, then {@link Transfer#join()}. */
    public UploadResult upload(StorageBackend backend, InputStream in, ObjectTarget target) {
        return start(backend, in, target).join();
    }

    /**
     * Finishes an upload recorded in a journal (written by an uploader built with
     * {@link Builder#journal(Path)}), for example after the process crashed. The source file must be
     * unchanged. The journal is reconciled with the store's part list: parts present with matching
     * receipts (or, for parts the journal missed, a matching CRC-32C) are skipped; the rest are
     * uploaded; then the upload is completed with the journal's precondition and the journal deleted.
     * This uploader's concurrency, retry, checksum and listener settings apply.
     *
     * @param backend a backend of the journal's provider
     * @param journalPath the journal
     * @return the running transfer
     * @throws IntegrityException when the source changed since the journal was written
     */
    public Transfer resume(StorageBackend backend, Path journalPath) {
        return Resumption.start(this, backend, journalPath);
    }

    /**
     * Checks a file as an upload source, as {@code start} does: a regular file that yields exactly the
     * bytes its size says ({@code /proc} files report 0).
     * @param file the source
     * @return its size
     * @throws IllegalArgumentException naming the file and the fix
     */
    public static long sourceSize(Path file) {
        return SourceFingerprint.ofSource(Objects.requireNonNull(file, "file")).size();
    }

    /**
     * Reads a resume journal without resuming it, e.g. to open a backend of its provider first.
     *
     * @param journalPath a journal written by an uploader built with {@link Builder#journal(Path)}
     * @return the upload it records and its source file
     * @throws ConfigurationException naming the journal when it is missing, damaged, torn or not a journal
     */
    public static Map.Entry<UploadHandle, Path> journaledUpload(Path journalPath) {
        Journal j = Journal.load(journalPath);
        return Map.entry(j.handle, j.source);
    }

    /**
     * Uploads parts {@code firstPart..lastPart} of a file into an upload started elsewhere, without
     * completing it: several processes or hosts can each send a disjoint range of one upload, and
     * any of them then calls {@link #completeUploaded}. Every process must use the same file and part
     * size (the default, automatic size is the same everywhere). A failure does not abort the shared upload.
     *
     * @param backend the store
     * @param handle the upload, e.g. {@link UploadHandle#parse(String)} of a handle sent by the initiator
     * @param file the whole source file
     * @param firstPart the first part number to send
     * @param lastPart the last part number to send (inclusive)
     * @return the receipts of the parts sent
     */
    public List<PartReceipt> uploadParts(StorageBackend backend, UploadHandle handle, Path file, int firstPart,
                                         int lastPart) {
        return uploadParts(backend, handle, RangeSource.of(file), firstPart, lastPart);
    }

    /**
     * As {@link #uploadParts(StorageBackend, UploadHandle, Path, int, int)}, reading the parts from any
     * {@link RangeSource}.
     *
     * @return the receipts of the parts sent
     */
    public List<PartReceipt> uploadParts(StorageBackend backend, UploadHandle handle, RangeSource source, int firstPart,
                                         int lastPart) {
        return CooperativeUpload.uploadParts(this, backend, handle, source, firstPart, lastPart);
    }

    /**
     * Completes an upload whose parts were sent by {@link #uploadParts} (here or elsewhere): the
     * store's part list must hold every part of the file's plan with the planned size.
     *
     * @param backend the store; must declare {@link Feature#LIST_PARTS}
     * @param handle the upload
     * @param file the source file (for its size)
     * @return the result
     * @throws InvalidPartException naming the first missing or mis-sized part
     */
    public UploadResult completeUploaded(StorageBackend backend, UploadHandle handle, Path file) {
        return completeUploaded(backend, handle, sourceSize(file));
    }

    /**
     * As {@link #completeUploaded(StorageBackend, UploadHandle, Path)}, for a source of {@code size} bytes.
     *
     * @return the result
     */
    public UploadResult completeUploaded(StorageBackend backend, UploadHandle handle, long size) {
        return CooperativeUpload.completeUploaded(this, backend, handle, size, precondition);
    }

    /** Mutable builder of {@link Uploader}; not thread-safe. */
    public static final class Builder {
        private long partSize;
        private int concurrency = 4;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ChecksumPolicy checksum = ChecksumPolicy.AUTO;
        private TransferListener listener = TransferListener.NONE;
        private WritePrecondition precondition = WritePrecondition.none();
        private UploadOptions options = UploadOptions.defaults();
        private boolean keepOnFailure;
        private Path journal;
        private java.time.Duration stallTimeout = DEFAULT_STALL_TIMEOUT;

        private Builder() {
        }

        /**
         * @param value how long the transfer may make no progress at all (no byte read by the provider,
         *     no part finished or retried) before it fails, up to complete; {@code null} never gives up
         *     (default {@link #DEFAULT_STALL_TIMEOUT}). Each request is also bounded by the provider's timeouts.
         * @return this builder
         */
        public Builder stallTimeout(java.time.@Nullable Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("'stall-timeout' must be positive, got " + Durations.human(value));
            }
            this.stallTimeout = value;
            return this;
        }

        /**
         * @param bytes the part size (for streams: the first part size); 0 = automatic
         * @return this builder
         */
        public Builder partSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("'part-size' must not be negative (0 = automatic), got " + bytes);
            }
            this.partSize = bytes;
            return this;
        }

        /**
         * @param parts parts in flight at once, 1..256 (default 4)
         * @return this builder
         */
        public Builder concurrency(int parts) {
            if (parts < 1 || parts > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("'concurrency' must be between 1 and " + MAX_CONCURRENCY + ", got " + parts);
            }
            this.concurrency = parts;
            return this;
        }

        /**
         * @param value how failed parts are retried
         * @return this builder
         */
        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param policy which per-part checksum to send where the provider verifies one (default
         *     {@link ChecksumPolicy#AUTO}); the API still checks each part's CRC-32C and the whole object's
         * @return this builder
         */
        public Builder checksum(ChecksumPolicy policy) {
            this.checksum = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param value receives per-part events
         * @return this builder
         */
        public Builder listener(TransferListener value) {
            this.listener = Objects.requireNonNull(value);
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

        /**
         * @param value on failure or cancellation, keep the upload and its parts for a later resume
         *     instead of aborting it (default false)
         * @return this builder
         */
        public Builder keepOnFailure(boolean value) {
            this.keepOnFailure = value;
            return this;
        }

        /**
         * @param path where to keep a resume journal for file uploads (owner-only, no credentials),
         *     or {@code null} for none; deleted when the upload completes or is aborted
         * @return this builder
         */
        public Builder journal(@Nullable Path path) {
            this.journal = path;
            return this;
        }

        /** @return the uploader */
        public Uploader build() {
            return new Uploader(this);
        }
    }
}
