package org.chunkedupload.bench;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.transfermanager.ParallelUploadConfig;
import com.google.cloud.storage.transfermanager.TransferManager;
import com.google.cloud.storage.transfermanager.TransferManagerConfig;
import com.google.cloud.storage.transfermanager.TransferStatus;
import com.google.cloud.storage.transfermanager.UploadResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java peer for the GCS benchmark: uploads one file with the Google Cloud Storage client's
 * {@code TransferManager}, parallel composite upload enabled, parts of the per-worker buffer size,
 * as many workers as the concurrency; anonymous credentials (an emulator).
 *
 * <p>Usage: {@code GcsTransferManagerUpload HOST BUCKET KEY FILE PART_SIZE CONCURRENCY}
 */
public final class GcsTransferManagerUpload {
    private GcsTransferManagerUpload() {
    }

    public static void main(String[] a) throws Exception {
        String key = a[2];
        TransferManagerConfig cfg = TransferManagerConfig.newBuilder()
                .setStorageOptions(StorageOptions.http().setHost(a[0]).setProjectId("bench")
                        .setCredentials(NoCredentials.getInstance()).build())
                .setAllowParallelCompositeUpload(true)
                .setPerWorkerBufferSize(Integer.parseInt(a[4]))
                .setMaxWorkers(Integer.parseInt(a[5]))
                .build();
        try (TransferManager tm = cfg.getService()) {
            List<UploadResult> results = tm.uploadFiles(List.of(Path.of(a[3])), ParallelUploadConfig.newBuilder()
                    .setBucketName(a[1]).setUploadBlobInfoFactory((bucket, file) -> BlobInfo.newBuilder(bucket, key).build())
                    .build()).getUploadResults();
            for (UploadResult r : results) {
                if (r.getStatus() != TransferStatus.SUCCESS) {
                    throw new IllegalStateException("upload failed: " + r.getStatus(), r.getException());
                }
            }
        }
    }
}
