package org.chunkedupload.bench;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;

/**
 * The Java peer for the Azure benchmark: uploads one file with the Azure Storage Blob SDK's
 * {@code BlobClient.uploadFromFile}, blocks of the part size, as many in flight as the
 * concurrency (and a single-shot limit of one block, so that every file above it is staged in
 * blocks). Creates the container when it is missing.
 *
 * <p>Usage: {@code AzureSdkUpload CONNECTION_STRING CONTAINER BLOB FILE PART_SIZE CONCURRENCY}
 */
public final class AzureSdkUpload {
    private AzureSdkUpload() {
    }

    public static void main(String[] a) {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(a[0]).buildClient()
                .getBlobContainerClient(a[1]);
        container.createIfNotExists();
        BlobClient blob = container.getBlobClient(a[2]);
        long part = Long.parseLong(a[4]);
        blob.uploadFromFileWithResponse(new BlobUploadFromFileOptions(a[3]).setParallelTransferOptions(
                new ParallelTransferOptions().setBlockSizeLong(part).setMaxConcurrency(Integer.parseInt(a[5]))
                        .setMaxSingleUploadSizeLong(part)), null, null);
    }
}
