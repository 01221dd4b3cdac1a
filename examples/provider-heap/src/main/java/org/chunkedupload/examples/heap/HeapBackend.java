package org.chunkedupload.examples.heap;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;

/**
 * Step 2 of writing a provider: the {@link ProviderBackend}. It declares honest capabilities
 * (the guard in the API enforces them before the provider is called, and the TCK selects rules by
 * them), starts and resumes uploads, and lists what is pending.
 */
final class HeapBackend implements ProviderBackend {
    /**
     * No size limits of its own beyond the heap; every optional feature; abort frees at once. Part
     * numbers 1..10,000 and an immediate abort are the builder's defaults.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .partSize(0, 64L << 20)
            .maxObjectSize(4L << 30)
            .addFeatures(Feature.LIST_PARTS, Feature.LIST_PENDING, Feature.CONDITIONAL_CREATE,
                    Feature.CONDITIONAL_MATCH, Feature.ISOLATED_UPLOADS)
            .build();

    private final HeapStore store;

    HeapBackend(HeapStore store) {
        this.store = store;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        if (key.isEmpty() || key.endsWith("/")) {
            throw new InvalidTargetException("heap keys must be non-empty and must not end in '/': '" + key + "'");
        }
        String id = UUID.randomUUID().toString();
        store.uploads.put(id, new HeapStore.Upload(bucket, key, Instant.now(), options.contentType(),
                HeapStore.newParts()));
        return new HeapUpload(store, UploadHandle.of(HeapProvider.ID, bucket, key, id));
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        return new HeapUpload(store, handle); // an unknown id fails on first use with NoSuchUploadException
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        List<PendingUpload> out = new ArrayList<>();
        for (Map.Entry<String, HeapStore.Upload> e : store.uploads.entrySet()) {
            HeapStore.Upload u = e.getValue();
            if (u.bucket().equals(bucket) && u.key().startsWith(keyPrefix)) {
                long bytes;
                synchronized (u.parts()) {
                    bytes = u.parts().values().stream().mapToLong(p -> p.bytes().length).sum();
                }
                out.add(new PendingUpload(UploadHandle.of(HeapProvider.ID, bucket, u.key(), e.getKey()), u.initiated(),
                        OptionalLong.of(bytes)));
            }
        }
        return out;
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        HeapStore.StoredObject o = store.objects.get(HeapStore.path(bucket, key));
        return Optional.ofNullable(o).map(x -> new ObjectInfo(new ObjectTarget(HeapProvider.ID, bucket, key),
                x.bytes().length, x.etag(), x.modified()));
    }

    @Override
    public InputStream read(String bucket, String key) {
        HeapStore.StoredObject o = store.objects.get(HeapStore.path(bucket, key));
        if (o == null) {
            throw new NoSuchObjectException("no object at heap://" + bucket + "/" + key);
        }
        return new ByteArrayInputStream(o.bytes());
    }

    @Override
    public boolean delete(String bucket, String key) {
        return store.objects.remove(HeapStore.path(bucket, key)) != null;
    }

    @Override
    public void close() {
        // the store outlives its backends, like a server outlives its clients
    }
}
