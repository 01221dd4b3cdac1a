package org.chunkedupload.jclouds;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.s3.S3Client;
import org.jclouds.s3.domain.ListMultipartUploadsResponse;

/**
 * One jclouds blob store seen through the SPI: uploads map onto jclouds' multipart calls
 * ({@link JcloudsUpload}), objects onto blobs. Pending uploads of local stores are found by their stub
 * blob (which also dates them); those of S3 stores through the S3 API itself, following the next
 * markers jclouds' own listing ignores.
 */
final class JcloudsBackend implements ProviderBackend {
    private final JcloudsContexts.Lease lease;
    final BlobStore store;
    final StoreKind kind;
    final JcloudsSettings settings;
    private final Capabilities capabilities;
    private final Containment containment;

    JcloudsBackend(JcloudsSettings settings) {
        this.settings = settings;
        this.kind = settings.kind();
        this.lease = JcloudsContexts.open(settings);
        this.store = lease.context().getBlobStore();
        this.capabilities = kind.capabilities(store.getMinimumMultipartPartSize(), store.getMaximumMultipartPartSize(),
                store.getMaximumNumberOfParts());
        this.containment = new Containment(kind, settings.basedir());
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        containment.check(bucket, key, "initiate");
        Map<String, String> state = JcloudsUpload.state(options);
        BlobMetadata metadata = JcloudsUpload.metadata(store, key, state);
        MultipartUpload mpu;
        try {
            mpu = store.initiateMultipartUpload(bucket, metadata, PutOptions.NONE);
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.INITIATE, "initiate " + where(bucket, key), e);
        }
        return new JcloudsUpload(this, mpu, new UploadHandle(JcloudsProvider.ID, bucket, key, mpu.id(), state));
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        containment.check(handle.bucket(), handle.key(), "resume");
        MultipartUpload mpu = MultipartUpload.create(handle.bucket(), handle.key(), handle.uploadId(),
                JcloudsUpload.metadata(store, handle.key(), handle.state()), PutOptions.NONE);
        if (kind == StoreKind.LOCAL) {
            LocalUploads.requireLive(store, mpu, "resume");
        }
        return new JcloudsUpload(this, mpu, handle);
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        try {
            return kind == StoreKind.S3 ? pendingS3(bucket, keyPrefix) : pendingLocal(bucket, keyPrefix);
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.LIST_PENDING, "list pending uploads in " + bucket, e);
        }
    }

    private List<PendingUpload> pendingLocal(String bucket, String keyPrefix) {
        List<PendingUpload> out = new ArrayList<>();
        for (MultipartUpload m : store.listMultipartUploads(bucket)) {
            if (!m.blobName().startsWith(keyPrefix)) {
                continue;
            }
            Optional<Instant> started = LocalUploads.started(store, m);
            if (started.isEmpty()) {
                continue; // completed or aborted since the listing
            }
            long held = store.listMultipartUpload(m).stream().mapToLong(MultipartPart::partSize).sum();
            out.add(new PendingUpload(UploadHandle.of(JcloudsProvider.ID, bucket, m.blobName(), m.id()), started.get(),
                    OptionalLong.of(held)));
        }
        return out;
    }

    private List<PendingUpload> pendingS3(String bucket, String keyPrefix) {
        S3Client s3 = lease.context().unwrapApi(S3Client.class);
        List<PendingUpload> out = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        do {
            ListMultipartUploadsResponse r = s3.listMultipartUploads(bucket, null, null, keyMarker,
                    keyPrefix.isEmpty() ? null : keyPrefix, idMarker);
            for (ListMultipartUploadsResponse.Upload u : r.uploads()) {
                if (u.key().startsWith(keyPrefix)) {
                    Date d = u.initiated();
                    out.add(new PendingUpload(UploadHandle.of(JcloudsProvider.ID, bucket, u.key(), u.uploadId()),
                            d == null ? null : d.toInstant(), OptionalLong.empty()));
                }
            }
            boolean more = r.isTruncated() && r.nextKeyMarker() != null;
            keyMarker = more ? r.nextKeyMarker() : null;
            idMarker = more ? r.nextUploadIdMarker() : null;
        } while (keyMarker != null);
        return out;
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        containment.check(bucket, key, "stat");
        BlobMetadata m;
        try {
            m = store.blobMetadata(bucket, key);
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.STAT, "stat " + where(bucket, key), e);
        }
        if (m == null) {
            return Optional.empty();
        }
        Long size = m.getContentMetadata().getContentLength();
        Date modified = m.getLastModified();
        return Optional.of(new ObjectInfo(new ObjectTarget(JcloudsProvider.ID, bucket, key), size == null ? m.getSize() : size,
                JcloudsUpload.etag(m.getETag()), modified == null ? null : modified.toInstant()));
    }

    @Override
    public InputStream read(String bucket, String key) {
        containment.check(bucket, key, "read");
        try {
            Blob b = store.getBlob(bucket, key);
            if (b == null) {
                throw new NoSuchObjectException("read " + where(bucket, key) + " failed: there is no such object");
            }
            return b.getPayload().openStream();
        } catch (java.io.IOException e) {
            throw JcloudsErrors.map(Operation.READ, "read " + where(bucket, key), new java.io.UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.READ, "read " + where(bucket, key), e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        containment.check(bucket, key, "delete");
        try {
            if (store.blobMetadata(bucket, key) == null) {
                return false;
            }
            store.removeBlob(bucket, key);
            return true;
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.DELETE, "delete " + where(bucket, key), e);
        }
    }

    /**
     * One {@code putBlob}: atomic on the stores that declare it (a local store writes a temporary
     * and renames it; S3 is one PutObject), with the content type and metadata an upload would get.
     */
    @Override
    public UploadResult put(String bucket, String key, PartContent content, UploadOptions options,
                            WritePrecondition precondition) {
        containment.check(bucket, key, "put");
        var builder = store.blobBuilder(key).userMetadata(options.metadata()).payload(JcloudsUpload.payload(content));
        if (options.contentType() != null) {
            builder.contentType(options.contentType());
        }
        Blob blob = builder.build(); // the payload carries the exact length
        String etag;
        try {
            etag = JcloudsUpload.etag(store.putBlob(bucket, blob));
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.PUT, "put " + where(bucket, key), e);
        }
        return new UploadResult(new ObjectTarget(JcloudsProvider.ID, bucket, key), content.length(), etag, null, null, 1);
    }

    static String where(String bucket, String key) {
        return "jclouds://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        lease.close();
    }
}
