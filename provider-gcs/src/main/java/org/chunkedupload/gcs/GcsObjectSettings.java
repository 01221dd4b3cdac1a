package org.chunkedupload.gcs;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.StorageClass;
import org.chunkedupload.api.UploadOptions;

/**
 * The object's properties on GCS, set on the final compose (the temporary parts carry none):
 * content encoding, cache control and storage class. GCS has no object tags. A customer-managed KMS
 * key per object is not offered: the client library's JSON transport drops the key of a compose
 * ({@code HttpStorageRpc.compose} sends no {@code kmsKeyName}), so the object would silently get the
 * bucket's default encryption; set a default KMS key on the bucket instead.
 */
final class GcsObjectSettings {
    private GcsObjectSettings() {
    }

    static BlobInfo.Builder apply(BlobInfo.Builder target, UploadOptions o) {
        if (o.contentEncoding() != null) {
            target.setContentEncoding(o.contentEncoding());
        }
        if (o.cacheControl() != null) {
            target.setCacheControl(o.cacheControl());
        }
        if (o.storageClass() != null) {
            target.setStorageClass(StorageClass.valueOf(o.storageClass()));
        }
        return target;
    }

    static BlobTargetOption[] targetOptions(BlobTargetOption precondition) {
        return precondition == null ? new BlobTargetOption[0] : new BlobTargetOption[] {precondition};
    }
}
