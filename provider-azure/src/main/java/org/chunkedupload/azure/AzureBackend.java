package org.chunkedupload.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ObjectSetting;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.UploadRecord;

/**
 * One Azure storage account and credential set. A container is a bucket and a blob name a key.
 * The ETag this provider reports is the blob's ETag, the value {@code If-Match} compares.
 */
final class AzureBackend implements ProviderBackend {
    /** 4,000 MiB, the largest block Put Block accepts (service version 2019-12-12 and later). */
    static final long MAX_BLOCK = 4000L << 20;
    /** 50,000 committed blocks per blob. */
    static final int MAX_BLOCKS = 50_000;
    /** Uncommitted blocks are collected 7 days after the last block staged on the blob. */
    static final Duration COLLECTION = Duration.ofDays(7);

    /**
     * Part numbers 1..50,000 (one block each), parts of up to 4,000 MiB and objects of up to
     * 50,000 of them; no minimum part size (an empty part is recorded by a marker blob, as Azure
     * rejects empty blocks). Per-part MD5, verified by Azure ({@code Content-MD5} on Put Block).
     * Abort guarantee {@code EVENTUAL(7 days)}: the handle dies at once, and abort discards the
     * staged blocks at once when nothing is committed at the blob name and no other upload or
     * writer has blocks there; otherwise Azure collects them within 7 days. No isolated uploads:
     * a commit discards every other uncommitted block of the blob, so of two overlapping uploads
     * to one blob the first complete wins and the other fails with a
     * {@link org.chunkedupload.api.UploadConflictException}.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .partSize(0, MAX_BLOCK)
            .partNumbers(1, MAX_BLOCKS)
            .maxPartCount(MAX_BLOCKS)
            .maxObjectSize(MAX_BLOCK * MAX_BLOCKS)
            .addChecksumAlgorithm(ChecksumAlgorithm.MD5)
            .addObjectSettings(ObjectSetting.values())
            .addFeatures(Feature.LIST_PARTS, Feature.LIST_PENDING, Feature.CONDITIONAL_CREATE,
                    Feature.CONDITIONAL_MATCH, Feature.PART_CHECKSUM)
            .abortGuarantee(AbortGuarantee.eventual(COLLECTION))
            .build();

    /** Azure metadata names are C# identifiers. */
    private static final Pattern METADATA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final AzureSettings settings;
    final AzureNames names;
    /** Metadata calls, retried by the SDK. */
    private final BlobServiceClient service;
    /** Put Block calls: the body streams once, so the SDK must not retry (the engine retries the part). */
    private final BlobServiceClient staging;

    AzureBackend(AzureSettings settings) {
        this(settings, settings.clients());
    }

    /**
     * @param settings the settings
     * @param clients the clients: built from the settings, or the application's service client for both
     */
    AzureBackend(AzureSettings settings, AzureSettings.Clients clients) {
        this.settings = settings;
        this.names = new AzureNames(settings.tempPrefix());
        this.service = clients.service();
        this.staging = clients.staging();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    BlobContainerClient container(String bucket) {
        return service.getBlobContainerClient(bucket);
    }

    BlockBlobClient blob(String bucket, String name) {
        return service.getBlobContainerClient(bucket).getBlobClient(name).getBlockBlobClient();
    }

    BlockBlobClient stagingBlob(String bucket, String name) {
        return staging.getBlobContainerClient(bucket).getBlobClient(name).getBlockBlobClient();
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        UploadRecord.checkUserKey(AzureProvider.ID, names.prefix(), key);
        if (key.length() > 1024) {
            throw new InvalidTargetException("blob name of " + key.length() + " characters: Azure allows at most 1,024");
        }
        for (Map.Entry<String, String> m : options.metadata().entrySet()) {
            if (!METADATA_NAME.matcher(m.getKey()).matches()) {
                throw new InvalidTargetException("metadata name '" + m.getKey() + "' is not valid on Azure: names"
                        + " must be C# identifiers (letters, digits and '_', not starting with a digit)");
            }
            if (!m.getValue().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                throw new InvalidTargetException("metadata value of '" + m.getKey() + "' is not valid on Azure:"
                        + " values must be printable ASCII (encode other text, e.g. as URL-encoded UTF-8)");
            }
        }
        String uploadId = UploadRecord.newUploadId();
        UploadRecord record = new UploadRecord(key, options);
        try {
            blob(bucket, names.record(uploadId)).uploadWithResponse(
                    new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(record.encode()))
                            .setMetadata(Map.of(AzureNames.META_KEY, AzureNames.encodeKey(key)))
                            .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, null);
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.INITIATE, "initiate az://" + bucket + "/" + key, e);
        }
        return new AzureUpload(this, new UploadHandle(AzureProvider.ID, bucket, key, uploadId, Map.of()));
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        return new AzureUpload(this, handle);
    }

    /** A live upload record: the upload id, the target and when the upload began. */
    record Marker(String uploadId, String key, Instant created) {
    }

    /** @return the upload records in the container whose target starts with {@code keyPrefix} */
    List<Marker> markers(String bucket, String keyPrefix) {
        List<Marker> out = new ArrayList<>();
        ListBlobsOptions o = new ListBlobsOptions().setPrefix(names.prefix())
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        for (BlobItem b : container(bucket).listBlobsByHierarchy("/", o, null)) {
            String id = names.uploadIdOfRecord(b.getName());
            String key = b.getMetadata() == null ? null : AzureNames.decodeKey(b.getMetadata().get(AzureNames.META_KEY));
            if (id != null && key != null && key.startsWith(keyPrefix)) {
                Instant t = b.getProperties().getCreationTime() != null ? b.getProperties().getCreationTime().toInstant()
                        : b.getProperties().getLastModified().toInstant();
                out.add(new Marker(id, key, t));
            }
        }
        return out;
    }

    /**
     * Lists upload records, and also blobs with only uncommitted blocks staged by uploads whose
     * marker is gone (a part that landed after an abort that could not discard it): those still
     * hold billable bytes until Azure collects them, and aborting them discards them where safe.
     */
    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        try {
            List<PendingUpload> out = new ArrayList<>();
            Set<String> live = new HashSet<>();
            for (Marker m : markers(bucket, keyPrefix)) {
                live.add(m.uploadId());
                OptionalLong bytes = settings.pendingBytes()
                        ? OptionalLong.of(UncommittedBlocks.of(blob(bucket, m.key())).bytesOf(m.uploadId()))
                        : OptionalLong.empty();
                out.add(new PendingUpload(UploadHandle.of(AzureProvider.ID, bucket, m.key(), m.uploadId()), m.created(),
                        bytes));
            }
            for (BlobItem b : uncommittedOnly(bucket, keyPrefix)) {
                UncommittedBlocks blocks = UncommittedBlocks.of(blob(bucket, b.getName()));
                Instant t = b.getProperties() != null && b.getProperties().getLastModified() != null
                        ? b.getProperties().getLastModified().toInstant() : Instant.EPOCH;
                for (Map.Entry<String, Long> e : blocks.bytesByUpload().entrySet()) {
                    if (!live.contains(e.getKey())) {
                        out.add(new PendingUpload(UploadHandle.of(AzureProvider.ID, bucket, b.getName(), e.getKey()), t,
                                OptionalLong.of(e.getValue())));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(PendingUpload::initiated));
            return out;
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.LIST_PENDING, "list pending uploads in az://" + bucket + "/" + keyPrefix, e);
        }
    }

    /** @return blobs under the prefix that exist only as uncommitted blocks (a listing with and one without them) */
    private List<BlobItem> uncommittedOnly(String bucket, String keyPrefix) {
        Map<String, BlobItem> all = new HashMap<>();
        ListBlobsOptions with = new ListBlobsOptions().setPrefix(keyPrefix)
                .setDetails(new BlobListDetails().setRetrieveUncommittedBlobs(true));
        for (BlobItem b : container(bucket).listBlobs(with, null)) {
            if (!names.isReserved(b.getName())) {
                all.put(b.getName(), b);
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        for (BlobItem b : container(bucket).listBlobs(new ListBlobsOptions().setPrefix(keyPrefix), null)) {
            all.remove(b.getName());
        }
        return new ArrayList<>(all.values());
    }

    /** @return the blob's properties, or {@code null} when nothing is committed at the name */
    BlobProperties properties(String bucket, String key) {
        return properties(blob(bucket, key));
    }

    /** Like {@link #properties(String, String)} in one try: for the part path, which the engine retries whole. */
    BlobProperties propertiesOnce(String bucket, String key) {
        return properties(stagingBlob(bucket, key));
    }

    private static BlobProperties properties(BlockBlobClient blob) {
        try {
            return blob.getProperties();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        try {
            return Optional.ofNullable(properties(bucket, key)).map(p -> info(bucket, key, p));
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.STAT, "stat az://" + bucket + "/" + key, e);
        }
    }

    static ObjectInfo info(String bucket, String key, BlobProperties p) {
        return new ObjectInfo(new ObjectTarget(AzureProvider.ID, bucket, key), p.getBlobSize(), p.getETag(),
                p.getLastModified().toInstant());
    }

    @Override
    public InputStream read(String bucket, String key) {
        try {
            BlobProperties p = properties(bucket, key);
            if (p == null) {
                throw new NoSuchObjectException("no blob at az://" + bucket + "/" + key);
            }
            // pinned to the ETag seen: a blob replaced while it is read fails instead of mixing versions
            return blob(bucket, key).openInputStream(new BlobInputStreamOptions()
                    .setRequestConditions(new BlobRequestConditions().setIfMatch(p.getETag())).setBlockSize(4 << 20));
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.READ, "read az://" + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        try {
            return blob(bucket, key).deleteIfExists();
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.DELETE, "delete az://" + bucket + "/" + key, e);
        }
    }

    /** Deletes the blob only while its ETag is still the given one ({@code If-Match}). */
    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        try {
            blob(bucket, key).deleteWithResponse(null, new com.azure.storage.blob.models.BlobRequestConditions()
                    .setIfMatch(etag), null, com.azure.core.util.Context.NONE);
            return true;
        } catch (com.azure.storage.blob.models.BlobStorageException e) {
            if (e.getStatusCode() == 412 || e.getStatusCode() == 404) {
                return false;
            }
            throw AzureErrors.map(Operation.DELETE, "delete az://" + bucket + "/" + key, e);
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.DELETE, "delete az://" + bucket + "/" + key, e);
        }
    }

    /** @return the store's backstop for abandoned uploads: see {@link AzureBackstop} */
    @Override
    public java.util.Optional<org.chunkedupload.api.UploadBackstop> backstop() {
        return java.util.Optional.of(new AzureBackstop(this));
    }

    @Override
    public void close() {
        // the SDK's clients hold no resources of their own beyond the shared HTTP client's pool
    }
}
