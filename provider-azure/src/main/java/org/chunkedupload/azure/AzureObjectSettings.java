package org.chunkedupload.azure;

import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import java.util.List;
import org.chunkedupload.api.UploadOptions;

/**
 * The blob's properties on Azure, set when the block list is committed: content type, encoding and
 * cache control (HTTP headers), metadata, access tier ({@code Hot}, {@code Cool}, {@code Cold},
 * {@code Archive}) and blob index tags.
 */
final class AzureObjectSettings {
    private AzureObjectSettings() {
    }

    static BlockBlobCommitBlockListOptions commit(List<String> blockIds, UploadOptions o) {
        BlockBlobCommitBlockListOptions c = new BlockBlobCommitBlockListOptions(blockIds)
                .setHeaders(new BlobHttpHeaders().setContentType(o.contentType()).setContentEncoding(o.contentEncoding())
                        .setCacheControl(o.cacheControl()))
                .setMetadata(o.metadata().isEmpty() ? null : o.metadata());
        if (o.storageClass() != null) {
            c.setTier(AccessTier.fromString(o.storageClass()));
        }
        if (!o.tags().isEmpty()) {
            c.setTags(o.tags());
        }
        return c;
    }
}
