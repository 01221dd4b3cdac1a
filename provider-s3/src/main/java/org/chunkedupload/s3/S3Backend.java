package org.chunkedupload.s3;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ObjectSetting;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** One S3 endpoint and credential set. */
final class S3Backend implements ProviderBackend {
    /** Handle state key: the upload was created with a full-object CRC-32C. */
    static final String STATE_CHECKSUM = "ck";
    static final String CRC32C_FULL = "crc32c-full";

    static final Capabilities CAPABILITIES = Capabilities.builder()
            .partSize(5L << 20, 5L << 30)
            .partNumbers(1, 10_000)
            .maxPartCount(10_000)
            .maxObjectSize(5L << 40)
            .addChecksumAlgorithm(org.chunkedupload.api.ChecksumAlgorithm.CRC32C)
            .addObjectSettings(ObjectSetting.values())
            .addProviderOptions("sse", "sse-kms-key-id")
            .addFeatures(Feature.LIST_PARTS, Feature.LIST_PENDING, Feature.CONDITIONAL_CREATE,
                    Feature.CONDITIONAL_MATCH, Feature.PART_CHECKSUM, Feature.ISOLATED_UPLOADS, Feature.SINGLE_REQUEST_PUT)
            .abortGuarantee(AbortGuarantee.immediate())
            .build();

    final S3Settings settings;
    /** The HTTP client this backend built, or null when it uses the application's (closed by it). */
    private final SdkHttpClient ownHttp;
    final S3Client client;
    final S3Client partClient;
    /** Whether this backend built its S3 clients (and so closes them). */
    private final boolean ownsClients;

    /** A backend that builds (and closes) its own HTTP and S3 clients from the settings. */
    S3Backend(S3Settings settings) {
        this(settings, null, null);
    }

    /**
     * @param settings the settings
     * @param appClient the application's S3 client to send every request with, or null to build our own
     * @param appHttp the application's HTTP client for the clients built here, or null for our own
     */
    S3Backend(S3Settings settings, S3Client appClient, SdkHttpClient appHttp) {
        this.settings = settings;
        this.ownsClients = appClient == null;
        this.ownHttp = appClient != null || appHttp != null ? null : settings.httpClient();
        SdkHttpClient http = appHttp != null ? appHttp : ownHttp;
        this.client = appClient != null ? appClient : settings.client(http, true);
        this.partClient = appClient != null ? appClient : settings.client(http, false);
    }

    /** @return the HTTP client this backend built, or {@code null} when it uses the application's */
    SdkHttpClient ownHttp() {
        return ownHttp;
    }

    @Override
    public Capabilities capabilities() {
        return settings.fullObjectCrc32c() ? CAPABILITIES
                : CAPABILITIES.toBuilder().removeFeature(Feature.PART_CHECKSUM).build();
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        CreateMultipartUploadRequest.Builder req = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
        settings.objects().applyTo(req, options);
        Map<String, String> state = new HashMap<>();
        if (settings.fullObjectCrc32c()) {
            req.checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(ChecksumType.FULL_OBJECT);
            state.put(STATE_CHECKSUM, CRC32C_FULL);
        }
        try {
            String uploadId = client.createMultipartUpload(req.build()).uploadId();
            return new S3Upload(this, new UploadHandle(S3Provider.ID, bucket, key, uploadId, state));
        } catch (SdkException e) {
            throw S3Errors.map(Operation.INITIATE, "initiate s3://" + bucket + "/" + key, e, settings);
        }
    }

    @Override
    public org.chunkedupload.api.UploadResult put(String bucket, String key, org.chunkedupload.spi.PartContent content,
                                                 UploadOptions options, org.chunkedupload.api.WritePrecondition precondition) {
        return S3Put.put(this, bucket, key, content, options, precondition);
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        return new S3Upload(this, handle);
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        List<PendingUpload> out = new ArrayList<>();
        try {
            for (MultipartUpload u : client.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(keyPrefix)).uploads()) {
                Map<String, String> state = u.checksumAlgorithm() == ChecksumAlgorithm.CRC32_C
                        ? Map.of(STATE_CHECKSUM, CRC32C_FULL) : Map.of();
                UploadHandle h = new UploadHandle(S3Provider.ID, bucket, u.key(), u.uploadId(), state);
                OptionalLong bytes = OptionalLong.empty();
                if (settings.pendingBytes()) {
                    try {
                        bytes = OptionalLong.of(new S3Upload(this, h).listParts().stream()
                                .mapToLong(org.chunkedupload.api.PartReceipt::size).sum());
                    } catch (NoSuchUploadException gone) {
                        continue; // completed or aborted while listing
                    }
                }
                out.add(new PendingUpload(h, u.initiated(), bytes));
            }
        } catch (SdkException e) {
            throw S3Errors.map(Operation.LIST_PENDING, "list pending uploads in s3://" + bucket + "/" + keyPrefix, e, settings);
        }
        return out;
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        try {
            HeadObjectResponse h = client.headObject(r -> r.bucket(bucket).key(key)
                    .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED));
            // only a full-object CRC-32C describes the bytes; a composite one ("...-N") is a checksum of checksums
            org.chunkedupload.api.Checksum crc = h.checksumCRC32C() != null && !h.checksumCRC32C().contains("-")
                    && h.checksumType() != ChecksumType.COMPOSITE
                    ? new org.chunkedupload.api.Checksum(org.chunkedupload.api.ChecksumAlgorithm.CRC32C, h.checksumCRC32C())
                    : null;
            return Optional.of(new ObjectInfo(new ObjectTarget(S3Provider.ID, bucket, key), h.contentLength(), h.eTag(),
                    h.lastModified(), crc));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.map(Operation.STAT, "stat s3://" + bucket + "/" + key, e, settings);
        } catch (SdkException e) {
            throw S3Errors.map(Operation.STAT, "stat s3://" + bucket + "/" + key, e, settings);
        }
    }

    @Override
    public InputStream read(String bucket, String key) {
        try {
            return client.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException("no object at s3://" + bucket + "/" + key, e);
        } catch (SdkException e) {
            throw S3Errors.map(Operation.READ, "read s3://" + bucket + "/" + key, e, settings);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        boolean existed = stat(bucket, key).isPresent();
        try {
            client.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw S3Errors.map(Operation.DELETE, "delete s3://" + bucket + "/" + key, e, settings);
        }
        return existed;
    }

    /** @return the store's backstop for abandoned uploads: see {@link S3Backstop} */
    @Override
    public java.util.Optional<org.chunkedupload.api.UploadBackstop> backstop() {
        return java.util.Optional.of(new S3Backstop(this));
    }

    @Override
    public void close() {
        if (ownsClients) { // the application's clients stay open: it built them, it closes them
            partClient.close();
            client.close();
        }
        if (ownHttp != null) {
            ownHttp.close();
        }
    }
}
