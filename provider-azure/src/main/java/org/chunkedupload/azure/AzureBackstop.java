package org.chunkedupload.azure;

import java.time.Duration;
import org.chunkedupload.api.UploadBackstop;

/**
 * Azure's backstop is built in and fixed: the service discards uncommitted blocks 7 days after
 * the last block staged on a blob. Nothing can be installed through the Blob API; the upload
 * records (a few hundred bytes each) stay until {@code sweep} or a storage-account lifecycle
 * management policy on the temporary prefix removes them.
 */
final class AzureBackstop implements UploadBackstop {
    private final String tempPrefix;

    AzureBackstop(AzureBackend backend) {
        this.tempPrefix = backend.names.prefix();
    }

    @Override
    public Status check(String bucket, String keyPrefix, Duration abortAfter) {
        boolean enough = abortAfter.compareTo(AzureBackend.COLLECTION) >= 0;
        return new Status(enough, "built in: Azure discards the uncommitted blocks of az://" + bucket + "/" + keyPrefix
                + " 7 days after the last block staged on each blob (not configurable); "
                + (enough ? "" : "for a shorter limit run 'chunked-upload sweep' on a schedule; ")
                + "upload records under " + tempPrefix + " stay until 'sweep' or an"
                + " account lifecycle management policy removes them");
    }

    @Override
    public Status install(String bucket, String keyPrefix, Duration abortAfter) {
        return check(bucket, keyPrefix, abortAfter); // nothing to install
    }
}
