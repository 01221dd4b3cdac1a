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
     * Stores a whole object of at most {@link Capabilities#maxPartSize()} bytes in one request, where
     * {@link Capabilities.Feature#SINGLE_REQUEST_PUT} is declared. The body is checked as a part's is
     * (exact length, CRC-32C compared with the store's, the caller's checksum sent where the store
     * verifies it); the object appears whole or not at all, and nothing is left pending.
     *
     * @param target where to put it
     * @param body opens the bytes (more than once when the transport re-sends them)
     * @param length the object size
     * @param checksum the caller's checksum of the bytes, or {@code null}
     * @param options the object's properties
     * @param precondition the publishing condition
     * @return the result (one part)
     * @throws UnsupportedFeatureException when the provider does not declare the feature
     * @throws PreconditionFailedException when the precondition does not hold
     */
    default UploadResult put(ObjectTarget target, java.util.function.Supplier<? extends InputStream> body, long length,
                             @org.jspecify.annotations.Nullable Checksum checksum, UploadOptions options,
                             WritePrecondition precondition) {
        throw new UnsupportedFeatureException("provider " + providerId() + " does not store an object in a single"
                + " request (capability SINGLE_REQUEST_PUT): use initiate, uploadPart and complete");
    }

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
