package org.chunkedupload.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ObjectSetting;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.UploadRecord;

/**
 * One GCS endpoint and credential set. The ETag this provider reports for an object is its
 * generation number, the value GCS's JSON API preconditions compare ({@code ifGenerationMatch}).
 */
final class GcsBackend implements ProviderBackend {
    /**
     * No minimum part size (compose takes parts of any size); part numbers 1..10,000 (our bound:
     * each part is a billed object create, and 10,000 keep a 5 TiB object at 512 MiB parts);
     * 5 TiB per part and per object.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .partSize(0, 5L << 40)
            .partNumbers(1, 10_000)
            .maxPartCount(10_000)
            .maxObjectSize(5L << 40)
            .addChecksumAlgorithm(ChecksumAlgorithm.CRC32C)
            .addObjectSettings(ObjectSetting.CONTENT_ENCODING, ObjectSetting.CACHE_CONTROL, ObjectSetting.STORAGE_CLASS)
            .addFeatures(Feature.LIST_PARTS, Feature.LIST_PENDING, Feature.CONDITIONAL_CREATE,
                    Feature.CONDITIONAL_MATCH, Feature.PART_CHECKSUM, Feature.ISOLATED_UPLOADS)
            .abortGuarantee(AbortGuarantee.immediate())
            .build();

    final GcsSettings settings;
    final GcsNames names;
    final Storage storage;
    /** The client for part uploads: no library retry, the engine retries a part with a fresh body. */
    final Storage partStorage;
    /** Runs the compose and delete calls of complete and abort in parallel. */
    final ExecutorService pool;

    /** Whether this backend built its clients (and so closes them). */
    private final boolean ownsClients;

    GcsBackend(GcsSettings settings) {
        this(settings, settings.client(true, null), settings.client(false, null), true);
    }

    /**
     * @param settings the settings
     * @param storage the client for metadata calls, compose and delete
     * @param partStorage the client for part uploads
     * @param ownsClients whether this backend built them (and so closes them)
     */
    GcsBackend(GcsSettings settings, Storage storage, Storage partStorage, boolean ownsClients) {
        this.settings = settings;
        this.names = new GcsNames(settings.tempPrefix());
        this.ownsClients = ownsClients;
        this.storage = storage;
        this.partStorage = partStorage;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "gcs-compose-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        UploadRecord.checkUserKey(GcsProvider.ID, names.prefix(), key);
        String uploadId = UploadRecord.newUploadId();
        UploadRecord uploadRecord = new UploadRecord(key, options);
        BlobInfo record = BlobInfo.newBuilder(BlobId.of(bucket, names.record(uploadId)))
                .setContentType("text/plain; charset=utf-8").setMetadata(Map.of(GcsNames.META_KEY, key)).build();
        try {
            storage.create(record, uploadRecord.encode(), Storage.BlobTargetOption.doesNotExist());
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.INITIATE, "initiate gs://" + bucket + "/" + key, e);
        }
        return new GcsUpload(this, new UploadHandle(GcsProvider.ID, bucket, key, uploadId, Map.of()));
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        return new GcsUpload(this, handle);
    }

    /**
     * Lists upload records, and also the temporaries of uploads whose record is gone (a process
     * that died between deleting the record and its temporaries): those still hold billable bytes,
     * and aborting them frees the bytes.
     */
    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        Map<String, PendingUpload> found = new HashMap<>();
        java.util.Set<String> recorded = new java.util.HashSet<>();
        List<String> orphanPrefixes = new ArrayList<>();
        try {
            for (Blob b : storage.list(bucket, BlobListOption.prefix(names.prefix()), BlobListOption.currentDirectory())
                    .iterateAll()) {
                String recordedId = names.uploadIdOfRecord(b.getName());
                if (recordedId != null) {
                    recorded.add(recordedId);
                    String key = b.getMetadata() == null ? null : b.getMetadata().get(GcsNames.META_KEY);
                    if (key != null && key.startsWith(keyPrefix)) {
                        found.put(recordedId, new PendingUpload(UploadHandle.of(GcsProvider.ID, bucket, key, recordedId),
                                created(b), OptionalLong.empty()));
                    }
                } else if (b.isDirectory() && names.uploadIdOfTemporaries(b.getName()) != null) {
                    orphanPrefixes.add(b.getName());
                }
            }
            List<PendingUpload> out = new ArrayList<>();
            for (String prefix : orphanPrefixes) {
                String id = names.uploadIdOfTemporaries(prefix);
                PendingUpload p = found.remove(id);
                if (p == null && recorded.contains(id)) {
                    continue; // an upload of another key prefix
                }
                if (p == null) {
                    p = orphan(bucket, id, keyPrefix);
                    if (p == null) {
                        continue;
                    }
                } else if (settings.pendingBytes()) {
                    p = new PendingUpload(p.handle(), p.initiated(), OptionalLong.of(bytesHeld(bucket, id)));
                }
                out.add(p);
            }
            for (PendingUpload p : found.values()) { // uploads without parts yet
                out.add(settings.pendingBytes() ? new PendingUpload(p.handle(), p.initiated(), OptionalLong.of(0)) : p);
            }
            out.sort(java.util.Comparator.comparing(PendingUpload::initiated));
            return out;
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.LIST_PENDING, "list pending uploads in gs://" + bucket + "/" + keyPrefix, e);
        }
    }

    private PendingUpload orphan(String bucket, String id, String keyPrefix) {
        String key = null;
        Instant first = null;
        long bytes = 0;
        for (Blob b : storage.list(bucket, BlobListOption.prefix(names.temporaries(id)), BlobListOption.versions(true))
                .iterateAll()) {
            if (b.getMetadata() != null && b.getMetadata().get(GcsNames.META_KEY) != null) {
                key = b.getMetadata().get(GcsNames.META_KEY);
            }
            Instant t = created(b);
            first = first == null || t.isBefore(first) ? t : first;
            bytes += b.getSize() == null ? 0 : b.getSize();
        }
        if (first == null || key == null || !key.startsWith(keyPrefix)) {
            return null;
        }
        return new PendingUpload(UploadHandle.of(GcsProvider.ID, bucket, key, id), first, OptionalLong.of(bytes));
    }

    long bytesHeld(String bucket, String uploadId) {
        long bytes = 0;
        for (Blob b : storage.list(bucket, BlobListOption.prefix(names.temporaries(uploadId)),
                BlobListOption.versions(true)).iterateAll()) {
            bytes += b.getSize() == null ? 0 : b.getSize();
        }
        return bytes;
    }

    static Instant created(Blob b) {
        if (b.getCreateTimeOffsetDateTime() != null) {
            return b.getCreateTimeOffsetDateTime().toInstant();
        }
        return b.getUpdateTimeOffsetDateTime() == null ? Instant.EPOCH : b.getUpdateTimeOffsetDateTime().toInstant();
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        try {
            Blob b = storage.get(BlobId.of(bucket, key));
            return Optional.ofNullable(b).map(x -> info(bucket, key, x));
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.STAT, "stat gs://" + bucket + "/" + key, e);
        }
    }

    static ObjectInfo info(String bucket, String key, Blob b) {
        Instant t = b.getUpdateTimeOffsetDateTime() == null ? created(b) : b.getUpdateTimeOffsetDateTime().toInstant();
        return new ObjectInfo(new ObjectTarget(GcsProvider.ID, bucket, key), b.getSize() == null ? 0 : b.getSize(),
                Long.toString(b.getGeneration()), t, b.getCrc32c() == null ? null
                : new org.chunkedupload.api.Checksum(org.chunkedupload.api.ChecksumAlgorithm.CRC32C, b.getCrc32c()));
    }

    @Override
    public InputStream read(String bucket, String key) {
        try {
            Blob b = storage.get(BlobId.of(bucket, key));
            if (b == null) {
                throw new NoSuchObjectException("no object at gs://" + bucket + "/" + key);
            }
            return Channels.newInputStream(storage.reader(BlobId.of(bucket, key, b.getGeneration())));
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.READ, "read gs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        try {
            return storage.delete(BlobId.of(bucket, key));
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.DELETE, "delete gs://" + bucket + "/" + key, e);
        }
    }

    /** Deletes exactly the generation the ETag names (the provider's ETag is the generation). */
    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        long generation;
        try {
            generation = Long.parseLong(etag);
        } catch (NumberFormatException e) {
            return false; // not an ETag of this provider: no version of ours
        }
        try {
            return storage.delete(BlobId.of(bucket, key, generation), Storage.BlobSourceOption.generationMatch());
        } catch (com.google.cloud.storage.StorageException e) {
            if (e.getCode() == 412 || e.getCode() == 404) {
                return false;
            }
            throw GcsErrors.map(Operation.DELETE, "delete gs://" + bucket + "/" + key + " generation " + etag, e);
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.DELETE, "delete gs://" + bucket + "/" + key + " generation " + etag, e);
        }
    }

    /** @return the store's backstop for abandoned uploads: see {@link GcsBackstop} */
    @Override
    public java.util.Optional<org.chunkedupload.api.UploadBackstop> backstop() {
        return java.util.Optional.of(new GcsBackstop(this));
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (ownsClients) { // the application's client stays open: it built it, it closes it
                storage.close();
                partStorage.close();
            }
        } catch (Exception e) {
            // nothing is pending: every call of this backend has returned
        }
    }
}
