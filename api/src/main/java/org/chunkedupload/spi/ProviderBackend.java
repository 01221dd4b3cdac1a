package org.chunkedupload.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;

/**
 * A provider's view of one configured store. The API calls it only through a guard, so bucket,
 * key and handle arguments are non-null and the handle's provider id is this provider's. Map every
 * native failure onto a subclass of {@link org.chunkedupload.api.ChunkedUploadException}.
 * Implementations are thread-safe.
 */
public interface ProviderBackend extends AutoCloseable {

    /** @return the store's capabilities; must not change over the life of the backend */
    Capabilities capabilities();

    /**
     * Starts an upload. Nothing may become visible at the key.
     *
     * @param bucket the bucket
     * @param key the key; reject keys the store cannot hold with
     *     {@link org.chunkedupload.api.InvalidTargetException}
     * @param options content type and metadata
     * @return the upload
     */
    ProviderUpload initiate(String bucket, String key, UploadOptions options);

    /**
     * Re-attaches to an upload. The handle may carry no provider state (one built with
     * {@link UploadHandle#of}); look it up then. An unknown upload fails with
     * {@link org.chunkedupload.api.NoSuchUploadException} here or on first use.
     *
     * @param handle the handle
     * @return the upload
     */
    ProviderUpload resume(UploadHandle handle);

    /**
     * Lists unfinished uploads. Called only when {@code LIST_PENDING} is declared.
     *
     * @param bucket the bucket
     * @param keyPrefix key prefix, possibly empty
     * @return the uploads, in any order
     */
    List<PendingUpload> listPending(String bucket, String keyPrefix);

    /**
     * @param bucket the bucket
     * @param key the key
     * @return the object's metadata, or empty
     */
    Optional<ObjectInfo> stat(String bucket, String key);

    /**
     * @param bucket the bucket
     * @param key the key
     * @return the object's bytes
     * @throws NoSuchObjectException when there is no object
     */
    InputStream read(String bucket, String key);

    /**
     * @param bucket the bucket
     * @param key the key
     * @return whether an object was deleted
     */
    boolean delete(String bucket, String key);

    /**
     * Deletes exactly one version of an object: the one with this ETag, and only if it is still the
     * current one, decided by the store in one conditional request (a generation on GCS, an
     * {@code If-Match} on Azure, the file identity on a filesystem). The engine uses it to remove an
     * object that failed its integrity check right after complete, without ever deleting what
     * another writer put there meanwhile. A store that cannot delete conditionally keeps this
     * default, and the caller names the object and how to delete it instead.
     *
     * @param bucket the bucket
     * @param key the key
     * @param etag the ETag of the version to delete, as {@link org.chunkedupload.api.UploadResult#etag()} gave it
     * @return true when that version was deleted; false when the key holds another version or nothing
     * @throws org.chunkedupload.api.UnsupportedFeatureException when the store cannot delete conditionally
     */
    default boolean deleteIfMatch(String bucket, String key, String etag) {
        throw new org.chunkedupload.api.UnsupportedFeatureException("this store cannot delete an object on condition"
                + " of its ETag");
    }

    /**
     * Called only when {@code SINGLE_REQUEST_PUT} is declared: stores a whole object in one request,
     * atomically (the whole object appears at the key, or nothing changes there), reading exactly
     * {@code content.length()} bytes. The guard has checked the size, options and precondition, and
     * checks the result's size and CRC-32C.
     *
     * @param bucket the bucket
     * @param key the key
     * @param content the bytes (part number 1); send its checksum where the store verifies one
     * @param options the object's properties
     * @param precondition the publishing condition; only kinds whose feature is declared
     * @return the result: stored size, ETag, the store's CRC-32C when it reports one, one part
     * @throws org.chunkedupload.api.PreconditionFailedException when the precondition does not hold
     */
    default org.chunkedupload.api.UploadResult put(String bucket, String key, PartContent content, UploadOptions options,
                                                  org.chunkedupload.api.WritePrecondition precondition) {
        throw new org.chunkedupload.api.UnsupportedFeatureException("this provider does not declare SINGLE_REQUEST_PUT");
    }

    /**
     * @return the store's own backstop for abandoned uploads, working through this backend, or empty
     *     when the store has none
     */
    default Optional<org.chunkedupload.api.UploadBackstop> backstop() {
        return Optional.empty();
    }

    /**
     * Puts the API's guard in front of a backend, as {@code ProviderRegistry.open} does: for providers
     * that also open backends from typed objects (an application's own SDK client).
     *
     * @param providerId the provider's id
     * @param backend the backend
     * @return the backend as the API hands it out
     */
    static org.chunkedupload.api.StorageBackend guard(String providerId, ProviderBackend backend) {
        return new org.chunkedupload.guard.GuardedBackend(providerId, backend);
    }

    /** Releases resources. Called at most once. */
    @Override
    void close();
}
