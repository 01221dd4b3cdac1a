package org.chunkedupload.bench;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Checks a benchmark upload on Azurite: prints the blob's SHA-256, the number of blobs in the
 * container (uncommitted ones included) and the number of uncommitted blocks left on the blob.
 *
 * <p>Usage: {@code AzureCheck CONNECTION_STRING CONTAINER BLOB}, or {@code BLOB} {@code -} to
 * create the container and exit
 */
public final class AzureCheck {
    private AzureCheck() {
    }

    public static void main(String[] a) throws Exception {
        BlobContainerClient c = new BlobServiceClientBuilder().connectionString(a[0]).buildClient()
                .getBlobContainerClient(a[1]);
        if (a[2].equals("-")) {
            c.createIfNotExists();
            return;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = c.getBlobClient(a[2]).openInputStream()) {
            byte[] buf = new byte[1 << 20];
            for (int r; (r = in.read(buf)) > 0; ) {
                sha.update(buf, 0, r);
            }
        }
        long blobs = c.listBlobs(new ListBlobsOptions().setDetails(new BlobListDetails()
                .setRetrieveUncommittedBlobs(true)), null).stream().count();
        int uncommitted = c.getBlobClient(a[2]).getBlockBlobClient().listBlocks(BlockListType.UNCOMMITTED)
                .getUncommittedBlocks().size();
        System.out.println(HexFormat.of().formatHex(sha.digest()) + " " + blobs + " " + uncommitted);
    }
}
