package org.chunkedupload.spi;

import java.util.List;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;

/**
 * A provider's view of one upload. Thread-safe: {@link #uploadPart} is called concurrently.
 * The guard has already validated every argument against the declared capabilities.
 */
public interface ProviderUpload {

    /** @return the handle; its state must hold everything another process needs, and no secret */
    UploadHandle handle();

    /**
     * Stores one part. A part becomes visible to {@link #listParts()} and usable by
     * {@link #complete} only once all its bytes are stored: a body that fails mid-way must leave
     * the previous part with that number (if any) untouched. Uploading a part number again
     * replaces the part, and the earlier receipt must then be rejected by {@link #complete}.
     *
     * @param part the part; read exactly {@code part.length()} bytes from its body
     * @return the receipt; its token must change when the part is replaced by different bytes
     * @throws org.chunkedupload.api.NoSuchUploadException when the upload was completed or aborted
     */
    PartReceipt uploadPart(PartContent part);

    /**
     * Called only when {@code LIST_PARTS} is declared.
     *
     * @return the stored parts with their current receipts, in any order
     * @throws org.chunkedupload.api.NoSuchUploadException when the upload was completed or aborted
     */
    List<PartReceipt> listParts();

    /**
     * Joins the parts into the object, atomically: either the whole object appears at the key or
     * nothing changes there.
     *
     * @param receipts at least one receipt, sorted by ascending part number, no duplicates, each
     *     within the declared limits
     * @param precondition the publishing condition; only kinds whose feature is declared
     * @return the result; its size must be the stored size
     * @throws org.chunkedupload.api.InvalidPartException when a receipt is stale or names no part
     * @throws org.chunkedupload.api.PreconditionFailedException when the precondition does not hold
     * @throws org.chunkedupload.api.NoSuchUploadException when the upload was completed or aborted
     */
    UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition);

    /** Discards the upload. Idempotent; must not touch an existing object at the key. */
    void abort();
}
