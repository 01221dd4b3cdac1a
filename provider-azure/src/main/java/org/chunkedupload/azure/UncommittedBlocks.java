package org.chunkedupload.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.util.DateTimeRfc1123;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The uncommitted blocks of one blob, as Get Block List reports them, sorted out by upload. Azure
 * keeps one set of uncommitted blocks per blob name, shared by every writer; blocks this provider
 * staged carry their upload id ({@link AzureNames}), any other block is another writer's.
 */
final class UncommittedBlocks {
    private final List<Block> blocks;

    private UncommittedBlocks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @return the blob's uncommitted blocks; none when the blob does not exist */
    static UncommittedBlocks of(BlockBlobClient blob) {
        try {
            return new UncommittedBlocks(blob.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                return new UncommittedBlocks(List.of());
            }
            throw e;
        }
    }

    /** @return part number, then stamp, to block size, of the blocks the upload staged */
    TreeMap<Integer, TreeMap<String, Long>> partsOf(String uploadId) {
        TreeMap<Integer, TreeMap<String, Long>> parts = new TreeMap<>();
        for (Block b : blocks) {
            AzureNames.Block id = AzureNames.parseBlockId(b.getName());
            if (id != null && id.uploadId().equals(uploadId)) {
                parts.computeIfAbsent(id.partNumber(), n -> new TreeMap<>()).put(id.stamp(), b.getSizeLong());
            }
        }
        return parts;
    }

    /** @return the bytes the upload's blocks hold, replaced stagings included (they are billed too) */
    long bytesOf(String uploadId) {
        return bytesByUpload().getOrDefault(uploadId, 0L);
    }

    /** @return bytes held by each upload of this provider with blocks on the blob */
    Map<String, Long> bytesByUpload() {
        Map<String, Long> out = new TreeMap<>();
        for (Block b : blocks) {
            AzureNames.Block id = AzureNames.parseBlockId(b.getName());
            if (id != null) {
                out.merge(id.uploadId(), b.getSizeLong(), Long::sum);
            }
        }
        return out;
    }

    boolean anyOf(String uploadId) {
        return blocks.stream().map(b -> AzureNames.parseBlockId(b.getName()))
                .anyMatch(id -> id != null && id.uploadId().equals(uploadId));
    }

    /** @return whether every block was staged by this provider (by any of its uploads) */
    boolean onlyOurs() {
        return blocks.stream().allMatch(b -> AzureNames.parseBlockId(b.getName()) != null);
    }

    /**
     * Discards the upload's staged blocks when that cannot harm anyone: no other live upload
     * targets the blob, every uncommitted block on it was staged by this provider (this upload's, or
     * those of uploads already ended), and nothing is committed at the name. It then deletes the uncommitted blob, on condition that it was not modified since
     * a second before the server said nothing was committed there, so that a blob another writer
     * commits meanwhile is never deleted. Anything else is left to Azure's collection.
     *
     * @return whether none of the upload's blocks is left
     */
    static boolean discardIfSafe(AzureBackend backend, String bucket, String key, String uploadId) {
        BlockBlobClient blob = backend.blob(bucket, key);
        UncommittedBlocks blocks = of(blob);
        if (!blocks.anyOf(uploadId)) {
            return true; // nothing staged (the usual abort before any part, or a repeat): no listing needed
        }
        if (!blocks.onlyOurs() || backend.markers(bucket, key).stream()
                .anyMatch(m -> m.key().equals(key) && !m.uploadId().equals(uploadId))) {
            return false; // another writer or a live upload would lose its blocks
        }
        OffsetDateTime serverNow;
        try {
            blob.getProperties();
            return false; // a committed blob is never deleted or rewritten; Azure collects the blocks
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404 || BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                throw e;
            }
            String date = e.getResponse().getHeaders().getValue(HttpHeaderName.DATE);
            if (date == null) {
                return false;
            }
            serverNow = new DateTimeRfc1123(date).getDateTime();
        }
        try {
            blob.deleteWithResponse(null, new BlobRequestConditions().setIfUnmodifiedSince(serverNow.minusSeconds(1)),
                    null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 412) {
                return !of(blob).anyOf(uploadId);
            }
            throw e;
        }
        return !of(blob).anyOf(uploadId);
    }
}
