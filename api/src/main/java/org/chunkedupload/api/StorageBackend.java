package org.chunkedupload.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * One configured object store, reached through a provider: the entry point for uploads.
 * Obtain one from {@link ProviderRegistry#open(BackendConfig)}.
 *
 * <p>Thread-safe. {@link #close()} releases connections and threads; closing twice is harmless
 * and any later call fails with {@link IllegalStateException}. Every method may throw
 * {@link TransientStorageException} and {@link AccessDeniedException}.
 */
public interface StorageBackend extends AutoCloseable {

    /** @return the provider id, which is also the scheme of the targets this backend accepts */
    String providerId();

    /** @return what the store can do; constant for the life of this backend */
    Capabilities capabilities();

    /**
     * Starts an upload to {@code target}. Nothing is visible at the key until complete.
     *
     * @param target the object to create; its scheme must be {@link #providerId()}
     * @param options content type and metadata of the object
     * @return a session on the upload
     * @throws InvalidTargetException when the target is for another provider or its key is not allowed
     */
    ChunkedUploadSession initiate(ObjectTarget target, UploadOptions options);

    /**
     * Starts an upload with default options.
     *
     * @param target the object to create
     * @return a session on the upload
     * @see #initiate(ObjectTarget, UploadOptions)
     */
    default ChunkedUploadSession initiate(ObjectTarget target) {
        return initiate(target, UploadOptions.defaults());
    }

    /**
     * Re-attaches to an upload started elsewhere (another thread, process or host, or a backend
     * instance that no longer exists). No request is needed for this call itself; a handle for an
     * upload that no longer exists fails on first use with {@link NoSuchUploadException}.
     *
     * @param handle the handle, typically from {@link UploadHandle#parse(String)}
     * @return a session on the upload
     * @throws IllegalArgumentException when the handle belongs to another provider
     */
    ChunkedUploadSession resume(UploadHandle handle);

    /**
     * Lists uploads that were started and neither completed nor aborted.
     *
     * @param bucket the bucket
     * @param keyPrefix only uploads whose key starts with this; empty for all
     * @return the pending uploads, ordered by key then initiation time
     * @throws UnsupportedFeatureException when {@link Capabilities.Feature#LIST_PENDING} is not declared
     */
    List<PendingUpload> listPending(String bucket, String keyPrefix);

    /**
     * @param bucket the bucket
     * @param key the key
     * @return the object's metadata, or empty when there is no object at the key
     */
    Optional<ObjectInfo> stat(String bucket, String key);

    /**
     * Opens an object for reading. The caller closes the stream.
     *
     * @param bucket the bucket
     * @param key the key
     * @return the object's bytes
     * @throws NoSuchObjectException when there is no object at the key
     */
    InputStream read(String bucket, String key);

    /**
     * Deletes an object.
     *
     * @param bucket the bucket
     * @param key the key
     * @return whether an object was deleted
     */
    boolean delete(String bucket, String key);

    /**
     * @return the store's own backstop for abandoned uploads (a lifecycle rule or the like), working
     *     through this backend, or empty when the store has none
     */
    default Optional<UploadBackstop> backstop() {
        return Optional.empty();
    }

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
