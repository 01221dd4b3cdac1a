package org.chunkedupload.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.models.BlobErrorCode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadConflictException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.RecordedUpload;
import org.chunkedupload.spi.UploadRecord;

/**
 * One upload: parts are blocks staged on the target blob, complete commits them as the block
 * list, abort discards them where safe. The upload record is the upload's life: while it exists
 * the upload is open; complete and abort delete it, and from then on the upload's old block ids
 * are refused here even though Azure itself would still commit them.
 */
final class AzureUpload extends RecordedUpload {
    private final AzureBackend backend;

    AzureUpload(AzureBackend backend, UploadHandle handle) {
        super(handle, backend.names.prefix());
        this.backend = backend;
    }

    /** @return the upload record's properties, or {@code null} when the upload is not open */
    private BlobProperties record() {
        return record(backend.properties(bucket, recordName));
    }

    /** The upload record read in one try, for the part path (the engine retries a part whole). */
    private BlobProperties recordOnce() {
        return record(backend.propertiesOnce(bucket, recordName));
    }

    private BlobProperties record(BlobProperties p) {
        if (p == null || p.getMetadata() == null
                || !key.equals(AzureNames.decodeKey(p.getMetadata().get(AzureNames.META_KEY)))) {
            return null;
        }
        return p;
    }

    /**
     * Stages part N as block {@code <id>-N-<stamp>} with the caller's MD5 as transactional
     * checksum (Azure verifies it and rejects a damaged body); an empty part becomes a marker
     * blob. A new stamp per staging means a replaced part never overwrites the block an earlier
     * receipt names: the greatest stamp is the current part. A part that lands after complete or
     * abort is discarded where safe, and the call fails.
     */
    @Override
    public PartReceipt uploadPart(PartContent part) {
        int partNumber = part.partNumber();
        String stamp = AzureNames.newStamp();
        try {
            if (recordOnce() == null) {
                throw gone("upload part " + partNumber + " of");
            }
            byte[] md5 = transactionalMd5(part);
            if (part.length() == 0) {
                backend.blob(bucket, backend.names.emptyPart(id, partNumber, stamp)).upload(BinaryData.fromBytes(new byte[0]));
            } else {
                // sent once, unbuffered (the SDK's InputStream overloads need mark/reset)
                backend.stagingBlob(bucket, key).stageBlockWithResponse(new BlockBlobStageBlockOptions(
                        AzureNames.blockId(id, partNumber, stamp), BlockBody.of(part.body(), part.length()))
                        .setContentMd5(md5), null, null);
            }
            if (record() == null) { // completed or aborted while the body was in flight
                if (part.length() == 0) {
                    backend.blob(bucket, backend.names.emptyPart(id, partNumber, stamp)).deleteIfExists();
                } else {
                    UncommittedBlocks.discardIfSafe(backend, bucket, key, id);
                }
                throw gone("upload part " + partNumber + " of");
            }
            return new PartReceipt(partNumber, stamp, part.length(), md5 == null ? null
                    : new Checksum(ChecksumAlgorithm.MD5, Base64.getEncoder().encodeToString(md5)));
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.UPLOAD_PART, handle.describe("upload part " + partNumber + " of"), e);
        }
    }

    /**
     * @return the caller's MD5, which Azure verifies against the block, or {@code null} when the
     *     caller sent none (the engine sends one unless told {@code --checksum none}; the API still
     *     checks the length and computes each part's CRC-32C)
     */
    private static byte[] transactionalMd5(PartContent part) {
        if (part.checksum() != null && part.checksum().algorithm() == ChecksumAlgorithm.MD5) {
            return Base64.getDecoder().decode(part.checksum().base64());
        }
        return null;
    }

    @Override
    public List<PartReceipt> listParts() {
        try {
            if (record() == null) {
                throw gone("list parts of");
            }
            List<PartReceipt> out = new ArrayList<>();
            currentParts().forEach((n, stamps) -> out.add(new PartReceipt(n, stamps.lastKey(),
                    stamps.lastEntry().getValue(), null)));
            return out;
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.LIST_PARTS, handle.describe("list parts of"), e);
        }
    }

    /** @return every staging of every part (blocks and empty-part markers): part number, then stamp, to size */
    private TreeMap<Integer, TreeMap<String, Long>> currentParts() {
        TreeMap<Integer, TreeMap<String, Long>> parts = UncommittedBlocks.of(backend.blob(bucket, key)).partsOf(id);
        for (AzureNames.Block b : emptyParts()) {
            parts.computeIfAbsent(b.partNumber(), x -> new TreeMap<>()).put(b.stamp(), 0L);
        }
        return parts;
    }

    private List<AzureNames.Block> emptyParts() {
        List<AzureNames.Block> out = new ArrayList<>();
        for (BlobItem b : backend.container(bucket).listBlobs(new ListBlobsOptions()
                .setPrefix(backend.names.temporaries(id)), null)) {
            AzureNames.Block e = backend.names.parseEmptyPart(id, b.getName());
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        try {
            BlobProperties record = record();
            if (record == null) {
                throw gone("complete");
            }
            UploadRecord uploadRecord = UploadRecord.decode(backend.blob(bucket, recordName)
                    .downloadContent().toBytes());
            List<String> blockIds = blockList(receipts, record);
            long size = receipts.stream().mapToLong(PartReceipt::size).sum();
            BlobRequestConditions conditions = switch (precondition.kind()) {
                case NONE -> null;
                case IF_ABSENT -> new BlobRequestConditions().setIfNoneMatch("*");
                case IF_MATCH -> new BlobRequestConditions().setIfMatch(precondition.etag());
            };
            BlockBlobItem committed;
            try {
                committed = backend.blob(bucket, key).commitBlockListWithResponse(AzureObjectSettings.commit(blockIds,
                        uploadRecord.options()).setRequestConditions(conditions), null, null).getValue();
            } catch (BlobStorageException e) {
                if (BlobErrorCode.INVALID_BLOCK_LIST.equals(e.getErrorCode())) {
                    throw conflict("its blocks were discarded while it committed", e);
                }
                throw e;
            }
            verify(committed, blockIds, size);
            cleanUp();
            return new UploadResult(handle.target(), size, committed.getETag(), committed.getVersionId(), null,
                    receipts.size());
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.COMPLETE, handle.describe("complete"), e);
        }
    }

    /** @return the block ids to commit, in part order, after checking every receipt against the blob's blocks */
    private List<String> blockList(List<PartReceipt> receipts, BlobProperties record) {
        TreeMap<Integer, TreeMap<String, Long>> parts = currentParts();
        List<String> ids = new ArrayList<>(receipts.size());
        boolean lost = false;
        for (PartReceipt r : receipts) {
            TreeMap<String, Long> stamps = parts.get(r.partNumber());
            if (stamps == null || !stamps.containsKey(r.token())) {
                lost = true;
                continue;
            }
            if (!stamps.lastKey().equals(r.token()) || stamps.get(r.token()) != r.size()) {
                throw new InvalidPartException(handle.describe("complete") + ": the receipt of part " + r.partNumber()
                        + " is stale: the part was uploaded again since (current " + stamps.lastKey() + ", receipt "
                        + r.token() + "); use listParts() for the current receipts");
            }
            if (r.size() > 0) {
                ids.add(AzureNames.blockId(id, r.partNumber(), r.token()));
            }
        }
        if (lost) {
            BlobProperties target = backend.properties(bucket, key);
            if (target != null && record.getCreationTime() != null
                    && !target.getLastModified().isBefore(record.getCreationTime().withNano(0))) {
                throw conflict("another writer committed the blob at " + target.getLastModified()
                        + ", after this upload began", null);
            }
            throw new InvalidPartException(handle.describe("complete") + ": a receipt names a part this upload does not hold"
                    + " (a receipt of another upload, or a part never uploaded); use listParts() for the receipts"
                    + " of this upload");
        }
        return ids;
    }

    private UploadConflictException conflict(String cause, Throwable e) {
        return new UploadConflictException(handle.describe("complete") + ": the parts of this upload are gone: " + cause
                + ". Azure keeps one set of uncommitted blocks per blob and every commit discards the others, so"
                + " two uploads to one blob at a time cannot both complete (provider az does not declare"
                + " ISOLATED_UPLOADS). Nothing of this upload was published; upload its parts again and complete"
                + " to replace the blob, or abort it", e);
    }

    /**
     * Checks what the commit produced, unless another writer replaced the blob since (the ETag
     * tells): the committed block list is exactly ours, in order, and the size is the parts' sum.
     */
    private void verify(BlockBlobItem committed, List<String> blockIds, long size) {
        var list = backend.blob(bucket, key).listBlocks(BlockListType.COMMITTED).getCommittedBlocks();
        BlobProperties now = backend.properties(bucket, key);
        if (now == null || !committed.getETag().equals(now.getETag())) {
            return; // replaced by a later writer: nothing of ours to check
        }
        List<String> names = list.stream().map(b -> b.getName()).toList();
        if (!names.equals(blockIds) || now.getBlobSize() != size) {
            throw new IntegrityException(handle.describe("complete") + ": Azure committed " + names.size() + " blocks, "
                    + now.getBlobSize() + " bytes, but the receipts name " + blockIds.size() + " blocks, " + size
                    + " bytes");
        }
    }

    /** After the blob is written: the upload record first (the upload is closed from now on), then empty-part markers. */
    private void cleanUp() {
        backend.blob(bucket, recordName).deleteIfExists();
        for (AzureNames.Block b : emptyParts()) {
            backend.blob(bucket, backend.names.emptyPart(id, b.partNumber(), b.stamp())).deleteIfExists();
        }
    }

    /**
     * Deletes the upload record (the handle is dead from now on), the empty-part markers, then discards
     * the staged blocks where that is safe ({@link UncommittedBlocks#discardIfSafe}); otherwise
     * Azure collects them within 7 days. Idempotent.
     */
    @Override
    public void abort() {
        try {
            cleanUp();
            UncommittedBlocks.discardIfSafe(backend, bucket, key, id);
        } catch (RuntimeException e) {
            throw AzureErrors.map(Operation.ABORT, handle.describe("abort"), e);
        }
    }

    @Override
    public String toString() {
        return "AzureUpload[" + handle.target() + ", " + id + "]";
    }

}
