package org.chunkedupload.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chunked upload: numbered parts are uploaded independently (in parallel, in any order, from
 * any process holding the {@link #handle()}), then {@link #complete(List) complete} joins them in
 * part-number order into one object, or {@link #abort()} discards them.
 *
 * <p>Implementations are safe for concurrent {@code uploadPart} calls from many threads. Every
 * method may throw {@link TransientStorageException} when the store cannot be reached and
 * {@link AccessDeniedException} when it refuses the credentials.
 *
 * <p>The toolkit calls the thing this interface handles an <em>upload</em> everywhere (its
 * {@link UploadHandle}, {@link NoSuchUploadException}, {@code pending} uploads); a session is this
 * API's handle on one upload, held by one process while it sends parts. Several sessions (in several
 * processes) may work on one upload at once.
 *
 * <p>Obtain a session from {@link StorageBackend#initiate(ObjectTarget, UploadOptions)} or
 * {@link StorageBackend#resume(UploadHandle)}.
 */
public interface ChunkedUploadSession {

    /** @return the serializable handle that identifies this upload everywhere */
    UploadHandle handle();

    /**
     * Uploads one part. Uploading a part number again replaces the earlier part, and the earlier
     * receipt becomes stale. The body is read up to {@code length} bytes; it is not closed.
     *
     * @param partNumber the part number, within the provider's range ({@link Capabilities#minPartNumber()}..
     *     {@link Capabilities#maxPartNumber()})
     * @param body the bytes of the part
     * @param length the exact number of bytes to read from {@code body}
     * @return the receipt needed by {@link #complete(List)}
     * @throws InvalidPartException when the part number is out of range
     * @throws PartTooLargeException when {@code length} exceeds {@link Capabilities#maxPartSize()}
     * @throws IntegrityException when the body ends before {@code length} bytes
     * @throws NoSuchUploadException when the upload was completed or aborted
     */
    default PartReceipt uploadPart(int partNumber, InputStream body, long length) {
        return uploadPart(partNumber, body, length, null);
    }

    /**
     * Uploads one part with a checksum the caller computed in advance. The checksum is verified
     * on the bytes actually read and, where the store verifies part checksums
     * ({@link Capabilities.Feature#PART_CHECKSUM}), sent to the store too.
     *
     * @param partNumber the part number
     * @param body the bytes of the part
     * @param length the exact number of bytes to read from {@code body}
     * @param checksum the expected checksum of the part, or {@code null}
     * @return the receipt
     * @throws IntegrityException when the bytes read do not match {@code checksum}
     * @see #uploadPart(int, InputStream, long)
     */
    PartReceipt uploadPart(int partNumber, InputStream body, long length, @Nullable Checksum checksum);

    /**
     * Uploads one part whose body can be opened more than once (a file range, a buffer).
     * Each call of {@code body} must yield the same {@code length} bytes from the start; a provider
     * whose transport may send a body twice (an SDK's own retry, unsigned payloads) opens it again,
     * and every stream opened is checked like the body of {@link #uploadPart(int, InputStream, long, Checksum)}
     * and closed before this method returns.
     *
     * @param partNumber the part number
     * @param body opens a fresh stream over the part's bytes
     * @param length the exact number of bytes of the part
     * @param checksum the expected checksum of the part, or {@code null}
     * @return the receipt
     * @see #uploadPart(int, InputStream, long, Checksum)
     */
    PartReceipt uploadPart(int partNumber, java.util.function.Supplier<? extends InputStream> body, long length,
                           @Nullable Checksum checksum);

    /**
     * Uploads one part from a byte array.
     *
     * @param partNumber the part number
     * @param bytes the whole part
     * @return the receipt
     * @see #uploadPart(int, InputStream, long)
     */
    default PartReceipt uploadPart(int partNumber, byte[] bytes) {
        return uploadPart(partNumber, () -> new ByteArrayInputStream(bytes), bytes.length, null);
    }

    /**
     * Lists the parts the store holds for this upload, in ascending part-number order, with
     * their current receipts. A caller that lost its receipts (a crashed process) recovers them here.
     *
     * @return the parts
     * @throws UnsupportedFeatureException when {@link Capabilities.Feature#LIST_PARTS} is not declared
     * @throws NoSuchUploadException when the upload was completed or aborted
     */
    List<PartReceipt> listParts();

    /**
     * Completes the upload without a precondition.
     *
     * @param receipts one receipt per part, in any order
     * @return the result
     * @see #complete(List, WritePrecondition)
     */
    default UploadResult complete(List<PartReceipt> receipts) {
        return complete(receipts, WritePrecondition.none());
    }

    /**
     * Joins the parts named by {@code receipts} in ascending part-number order into the object.
     * Receipts may be passed in any order; they are sorted. Parts uploaded but not named are
     * discarded. Before anything is sent the list is checked; a rejected list leaves the upload
     * as it was and creates no object.
     *
     * <p>Complete is safe to repeat: when the store answers that the upload no longer exists (its
     * response to an earlier complete was lost, or another caller completed it) and the object at
     * the key holds exactly these parts — same size and whole-object CRC-32C, from the store or read
     * back — the result of that complete is returned instead of {@link NoSuchUploadException}.
     *
     * @param receipts one receipt per part, in any order; not empty
     * @param precondition the condition the store checks when it publishes the object
     * @return the result
     * @throws InvalidPartException when the list is empty, names a part number outside the
     *     provider's range, or holds a stale receipt
     * @throws InvalidPartOrderException when a part number appears twice
     * @throws PartTooSmallException when a part other than the last is below the minimum size
     * @throws PreconditionFailedException when the precondition does not hold
     * @throws UnsupportedFeatureException when the precondition needs a feature that is not declared
     * @throws NoSuchUploadException when the upload was aborted, or completed into an object other
     *     than these parts
     * @throws IntegrityException when the store reports a size or checksum other than the parts'
     */
    UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition);

    /**
     * Discards the upload and its parts. Idempotent: aborting an aborted upload succeeds. Never
     * touches an object that already exists at the key. After abort, {@code uploadPart} and
     * {@code complete} fail with {@link NoSuchUploadException}. How soon storage is freed is
     * declared by {@link Capabilities#abortGuarantee()}.
     */
    void abort();
}
