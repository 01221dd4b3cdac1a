package org.chunkedupload.spi;

import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.UploadHandle;

/**
 * The base of an upload on a store without server-side uploads (GCS compose, Azure block lists),
 * whose life is an {@link UploadRecord}: open while the record exists, closed once complete or abort
 * deleted it. Holds the handle and its parts, and says the same thing whenever the record is gone.
 */
public abstract class RecordedUpload implements ProviderUpload {
    /** The upload. */
    protected final UploadHandle handle;
    /** Its bucket. */
    protected final String bucket;
    /** Its target key. */
    protected final String key;
    /** Its upload id, {@link UploadRecord#isUploadId checked}. */
    protected final String id;
    /** The name of its record in the bucket. */
    protected final String recordName;

    /**
     * @param handle the upload
     * @param prefix the provider's prefix for its own objects: the record is {@link UploadRecord#objectName}
     * @throws NoSuchUploadException when its id is not one {@link UploadRecord#newUploadId()} makes
     */
    protected RecordedUpload(UploadHandle handle, String prefix) {
        if (!UploadRecord.isUploadId(handle.uploadId())) {
            throw new NoSuchUploadException("'" + handle.uploadId() + "' is not an upload id of provider "
                    + handle.providerId() + " (32 hex digits): the handle is corrupt or from another provider");
        }
        this.handle = handle;
        this.bucket = handle.bucket();
        this.key = handle.key();
        this.id = handle.uploadId();
        this.recordName = UploadRecord.objectName(prefix, id);
    }

    @Override
    public final UploadHandle handle() {
        return handle;
    }

    /**
     * @param operation what was tried, as for {@link UploadHandle#describe}
     * @return the failure of an operation on this upload once its record is gone
     */
    protected final NoSuchUploadException gone(String operation) {
        return UploadRecord.gone(handle, operation, recordName);
    }
}
