package org.chunkedupload.gcs;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import org.chunkedupload.api.UploadOptions;

/**
 * The object's properties on GCS, set on the final compose (the temporary parts carry none):
 * content encoding, cache control, storage class, and provider option {@code kms-key-name} (a Cloud
 * KMS key for customer-managed encryption). GCS has no object tags.
 */
final class GcsObjectSettings {
    /** Provider options an upload may carry. */
    static final String[] OPTIONS = {"kms-key-name"};

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

    static BlobTargetOption[] targetOptions(BlobTargetOption precondition, UploadOptions o) {
        List<BlobTargetOption> all = new ArrayList<>();
        if (precondition != null) {
            all.add(precondition);
        }
        String kms = o.providerOptions().get("kms-key-name");
        if (kms != null) {
            all.add(BlobTargetOption.kmsKeyName(kms));
        }
        return all.toArray(BlobTargetOption[]::new);
    }
}
