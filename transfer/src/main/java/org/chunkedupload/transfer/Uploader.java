package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;

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
    private static final long MAX_STREAM_PART = 1L << 30;

    private final long partSize;
    private final int concurrency;
    private final RetryPolicy retry;
    private final ChecksumAlgorithm checksum;
    private final boolean checksumOff;
    private final TransferListener listener;
    private final WritePrecondition precondition;
    private final UploadOptions options;
    private final boolean keepOnFailure;
    private final Path journal;
    private final java.time.Duration stallTimeout;

    private Uploader(Builder b) {
        this.stallTimeout = b.stallTimeout;
        this.partSize = b.partSize;
        this.concurrency = b.concurrency;
        this.retry = b.retry;
        this.checksum = b.checksum;
        this.checksumOff = b.checksumOff;
        this.listener = b.listener;
        this.precondition = b.precondition;
        this.options = b.options;
        this.keepOnFailure = b.keepOnFailure;
        this.journal = b.journal;
    }

    /** @return a builder: automatic part size, concurrency 4, {@link RetryPolicy#defaults()}, automatic checksum */
    public static Builder builder() {
        return new Builder();
    }

    int concurrency() {
        return concurrency;
    }

    RetryPolicy retry() {
        return retry;
    }

    TransferListener listener() {
        return listener;
    }

    boolean keepOnFailure() {
        return keepOnFailure;
    }

    java.time.Duration stallTimeout() {
        return stallTimeout;
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
        if (size >= 0) {
            PartPlan p = PartPlan.of(size, caps, partSize, providerId);
            return new TransferPlan(size, p.partSize(), p.partCount() == 1 ? size : p.partSize(), p.partCount(),
                    p.partCount() + 2L, 0, Math.min(caps.maxObjectSize(), p.partSize() * caps.maxPartCount()),
                    p.partCount() + " parts of " + p.partSize() + " bytes (the last " + p.length(p.partCount() - 1) + ")");
        }
        GrowthSchedule g = schedule(caps, providerId);
        return new TransferPlan(-1, g.partSize(0), g.partSize(caps.maxPartCount() - 1), -1, -1,
                (concurrency + 1L) * g.partSize(0), Math.min(g.reachable(), caps.maxObjectSize()), g.toString()
                + "; buffers grow to " + (concurrency + 1L) * g.partSize(caps.maxPartCount() - 1) + " bytes at the limit");
    }

    private GrowthSchedule schedule(Capabilities caps, String providerId) {
        long first = partSize > 0 ? partSize : Math.max(DEFAULT_STREAM_PART_SIZE, caps.minPartSize());
        if (first < caps.minPartSize()) {
            PartPlan.of(Long.MAX_VALUE / 4, caps, first, providerId); // throws, naming the minimum
        }
        Capabilities bounded = caps.maxPartSize() <= MAX_STREAM_PART ? caps
                : caps.toBuilder().partSize(caps.minPartSize(), Math.max(MAX_STREAM_PART, caps.minPartSize())).build();
        return new GrowthSchedule(Math.min(first, bounded.maxPartSize()), bounded);
    }

    ChecksumAlgorithm partChecksum(Capabilities caps, String providerId) {
        if (checksumOff || !caps.supports(Feature.PART_CHECKSUM)) {
            return null;
        }
        if (checksum != null) {
            if (!caps.checksumAlgorithms().contains(checksum)) {
                throw new ConfigurationException("provider " + providerId + " verifies " + caps.checksumAlgorithms()
                        + " part checksums, not " + checksum + ": choose one of those or none");
            }
            return checksum;
        }
        return caps.checksumAlgorithms().contains(ChecksumAlgorithm.CRC32C) ? ChecksumAlgorithm.CRC32C
                : caps.checksumAlgorithms().stream().findFirst().orElse(null);
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
        SourceFingerprint fp = fingerprint(file);
        Capabilities caps = backend.capabilities();
        PartPlan plan = PartPlan.of(fp.size(), caps, partSize, backend.providerId());
        ChecksumAlgorithm alg = partChecksum(caps, backend.providerId());
        return new Transfer(owning(new TransferRun(this), journal).start(run -> {
            run.backend = backend;
            run.session = backend.initiate(target, options.toBuilder().partSizeHint(plan.partSize()).build());
            if (journal != null) {
                run.journal = new Journal(journal, run.session.handle(), file, fp, plan.partSize(), precondition);
                run.journal.write();
            }
            listener.onInitiated(run.session.handle());
            return uploadFile(run, file, fp, plan, alg, Map.of(), precondition);
        }));
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
        if (journal != null) {
            throw new IllegalArgumentException("a journal needs a file source; buffers cannot be resumed after a crash");
        }
        PartPlan plan = PartPlan.of(data.remaining(), backend.capabilities(), partSize, backend.providerId());
        ChecksumAlgorithm alg = partChecksum(backend.capabilities(), backend.providerId());
        PartSources src = PartSources.of(data);
        return new Transfer(new TransferRun(this).start(run -> {
            run.backend = backend;
            run.session = backend.initiate(target, options.toBuilder().partSizeHint(plan.partSize()).build());
            listener.onInitiated(run.session.handle());
            return run.complete(uploadPlan(run, src, plan, alg, Map.of()), precondition);
        }));
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
        if (journal != null) {
            throw new IllegalArgumentException("a journal needs a file source; a stream cannot be re-read after a crash");
        }
        Capabilities caps = backend.capabilities();
        GrowthSchedule g = schedule(caps, backend.providerId());
        ChecksumAlgorithm alg = partChecksum(caps, backend.providerId());
        return new Transfer(new TransferRun(this).start(run -> {
            run.backend = backend;
            run.session = backend.initiate(target, options.toBuilder().partSizeHint(g.partSize(0)).build());
            listener.onInitiated(run.session.handle());
            List<PartReceipt> receipts = StreamParts.upload(run, in, g, caps.minPartNumber(), caps.maxPartCount(), alg);
            return run.complete(receipts, precondition);
        }));
    }

    /**
     * @param backend the store
     * @param file the file
     * @param target the target
     * @return the result
     * @see #start(StorageBackend, Path, ObjectTarget)
     */
    public UploadResult upload(StorageBackend backend, Path file, ObjectTarget target) {
        return start(backend, file, target).join();
    }

    /**
     * @param backend the store
     * @param data the bytes
     * @param target the target
     * @return the result
     * @see #start(StorageBackend, ByteBuffer, ObjectTarget)
     */
    public UploadResult upload(StorageBackend backend, byte[] data, ObjectTarget target) {
        return start(backend, ByteBuffer.wrap(data), target).join();
    }

    /**
     * @param backend the store
     * @param in the stream
     * @param target the target
     * @return the result
     * @see #start(StorageBackend, InputStream, ObjectTarget)
     */
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
        Journal j = Journal.load(journalPath);
        SourceFingerprint now = fingerprint(j.source);
        if (!now.equals(j.fingerprint)) {
            throw new IntegrityException(j.source + " changed since the upload began (size, modification time or"
                    + " content differ from the journal): it cannot be resumed; abort upload " + j.handle.uploadId()
                    + " of " + j.handle.target() + " and upload the file again");
        }
        Capabilities caps = backend.capabilities();
        PartPlan plan = PartPlan.of(now.size(), caps, j.partSize, backend.providerId());
        ChecksumAlgorithm alg = partChecksum(caps, backend.providerId());
        return new Transfer(owning(new TransferRun(this), journalPath).start(run -> {
            run.backend = backend;
            if (j.initiated != null) {
                run.began = j.initiated;
            }
            run.journal = j;
            Map<Integer, PartReceipt> done;
            try {
                run.session = backend.resume(j.handle);
                done = Reconcile.done(run.session, caps, j, plan, PartSources.of(j.source));
            } catch (org.chunkedupload.api.NoSuchUploadException gone) {
                // completed by the run that wrote the journal (killed before it could say so), or really lost
                return OutcomeCheck.resolve(backend, Reconcile.expected(j, plan, PartSources.of(j.source)), gone);
            }
            listener.onInitiated(j.handle);
            return uploadFile(run, j.source, now, plan, alg, done, j.precondition);
        }));
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
        SourceFingerprint fp = fingerprint(file);
        PartPlan plan = PartPlan.of(fp.size(), backend.capabilities(), partSize, backend.providerId());
        int first = plan.partNumber(0);
        int last = plan.partNumber(plan.partCount() - 1);
        if (firstPart < first || lastPart > last || firstPart > lastPart) {
            throw new IllegalArgumentException("part range " + firstPart + ".." + lastPart + " is not within the plan's "
                    + first + ".." + last + " (" + plan.partCount() + " parts of " + plan.partSize() + " bytes)");
        }
        TransferRun run = new TransferRun(this);
        run.abortOnFailure = false;
        run.session = backend.resume(handle);
        try {
            int n = lastPart - firstPart + 1;
            int[] numbers = new int[n];
            long[] lengths = new long[n];
            TransferRun.BodySupplier[] bodies = new TransferRun.BodySupplier[n];
            PartSources src = PartSources.of(file);
            for (int i = 0; i < n; i++) {
                int index = firstPart - first + i;
                numbers[i] = plan.partNumber(index);
                lengths[i] = plan.length(index);
                bodies[i] = () -> src.open(plan.offset(index), plan.length(index));
            }
            return TransferRun.sorted(run.uploadAll(numbers, lengths, bodies,
                    partChecksum(backend.capabilities(), backend.providerId())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledTransferException("interrupted while uploading parts", e);
        } finally {
            run.shutdown();
        }
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
        SourceFingerprint fp = fingerprint(file);
        PartPlan plan = PartPlan.of(fp.size(), backend.capabilities(), partSize, backend.providerId());
        var session = backend.resume(handle);
        Map<Integer, PartReceipt> stored = new java.util.HashMap<>();
        session.listParts().forEach(r -> stored.put(r.partNumber(), r));
        List<PartReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < plan.partCount(); i++) {
            PartReceipt r = stored.get(plan.partNumber(i));
            if (r == null || r.size() != plan.length(i)) {
                throw new InvalidPartException("part " + plan.partNumber(i) + " of " + plan.partCount() + " is "
                        + (r == null ? "missing" : r.size() + " bytes, not " + plan.length(i)) + ": upload it before completing");
            }
            receipts.add(r);
        }
        return session.complete(receipts, precondition);
    }

    private UploadResult uploadFile(TransferRun run, Path file, SourceFingerprint before, PartPlan plan,
                                    ChecksumAlgorithm alg, Map<Integer, PartReceipt> done, WritePrecondition pre)
            throws InterruptedException {
        List<PartReceipt> receipts = uploadPlan(run, PartSources.of(file), plan, alg, done);
        SourceFingerprint after = fingerprint(file);
        if (!after.equals(before)) {
            throw new IntegrityException(file + " changed while it was being uploaded (" + before.difference(after)
                    + "), so the parts may mix old and new bytes; nothing was published: upload it again once it is"
                    + " no longer written to");
        }
        return run.complete(receipts, pre);
    }

    private static List<PartReceipt> uploadPlan(TransferRun run, PartSources src, PartPlan plan, ChecksumAlgorithm alg,
                                                Map<Integer, PartReceipt> done) throws InterruptedException {
        run.partsTotal = plan.partCount();
        run.bytesTotal = plan.objectSize();
        List<PartReceipt> receipts = new ArrayList<>(done.values());
        done.values().forEach(run::alreadyDone);
        int todo = plan.partCount() - done.size();
        int[] numbers = new int[todo];
        long[] lengths = new long[todo];
        TransferRun.BodySupplier[] bodies = new TransferRun.BodySupplier[todo];
        int k = 0;
        for (int i = 0; i < plan.partCount(); i++) {
            if (done.containsKey(plan.partNumber(i))) {
                continue;
            }
            int index = i;
            numbers[k] = plan.partNumber(i);
            lengths[k] = plan.length(i);
            bodies[k++] = () -> src.open(plan.offset(index), plan.length(index));
        }
        receipts.addAll(run.uploadAll(numbers, lengths, bodies, alg));
        return TransferRun.sorted(receipts);
    }

    /** Makes {@code journal} (if any) the journal of {@code run} alone, until the run ends. */
    private static TransferRun owning(TransferRun run, Path journal) {
        if (journal != null) {
            Journal.claim(journal);
            run.beforeEnd = () -> Journal.release(journal); // before join() returns: the next transfer may take it
        }
        return run;
    }

    private static SourceFingerprint fingerprint(Path file) {
        Objects.requireNonNull(file, "file");
        return SourceFingerprint.ofSource(file);
    }

    /** Mutable builder of {@link Uploader}; not thread-safe. */
    public static final class Builder {
        private long partSize;
        private int concurrency = 4;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ChecksumAlgorithm checksum;
        private boolean checksumOff;
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
        public Builder stallTimeout(java.time.Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("stall timeout must be positive, got " + value);
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
                throw new IllegalArgumentException("part size must be >= 0 (0 = automatic)");
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
         * @param algorithm the per-part checksum to send where the provider verifies one; {@code null}
         *     sends none (the API still checks each part's CRC-32C and the whole object's)
         * @return this builder
         */
        public Builder checksum(ChecksumAlgorithm algorithm) {
            this.checksum = algorithm;
            this.checksumOff = algorithm == null;
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
        public Builder journal(Path path) {
            this.journal = path;
            return this;
        }

        /** @return the uploader */
        public Uploader build() {
            return new Uploader(this);
        }
    }
}
