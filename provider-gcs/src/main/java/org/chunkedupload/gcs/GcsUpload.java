package org.chunkedupload.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.RecordedUpload;
import org.chunkedupload.spi.UploadRecord;

/**
 * One upload: parts are temporary objects, complete composes them ({@link GcsCompose}), abort
 * deletes them. The upload record is the upload's life: while it exists the upload is open;
 * complete and abort delete it first of all, and a part that lands after that deletes itself.
 */
final class GcsUpload extends RecordedUpload {
    private static final int ABORT_ROUNDS = 3;

    private final GcsBackend backend;

    GcsUpload(GcsBackend backend, UploadHandle handle) {
        super(handle, backend.names.prefix());
        this.backend = backend;
    }

    /** @return whether the upload record exists (one metadata read; the record's body is not fetched) */
    private boolean isOpen() {
        Blob record = backend.storage.get(BlobId.of(bucket, recordName));
        return record != null && record.getMetadata() != null
                && handle.key().equals(record.getMetadata().get(GcsNames.META_KEY));
    }

    /** @return the upload record, or {@code null} when the upload is no longer open */
    private UploadRecord openRecord() {
        Blob record = backend.storage.get(BlobId.of(bucket, recordName));
        if (record == null) {
            return null;
        }
        UploadRecord s;
        try {
            s = UploadRecord.decode(backend.storage.readAllBytes(record.getBlobId()));
        } catch (RuntimeException e) {
            if (GcsErrors.isStatus(e, 404)) {
                return null; // deleted between the two calls
            }
            throw e;
        }
        return s.key().equals(handle.key()) ? s : null;
    }

    /**
     * Uploads part N as object {@code p0000N}, create-only when none exists and otherwise replacing
     * exactly the generation seen, so that a retry never clobbers a part it did not mean to. A 412
     * means the part changed meanwhile: when the object now there has this body's size and CRC-32C
     * it is this body (an earlier attempt whose answer was lost), else the retry is left to the engine.
     */
    @Override
    @SuppressWarnings("deprecation") // the streaming create: its lack of retries is fine, the engine retries parts
    public PartReceipt uploadPart(PartContent part) {
        BlobId name = BlobId.of(bucket, backend.names.part(id, part.partNumber()));
        try {
            Blob before = backend.partStorage.get(name); // the whole part is retried by the engine
            BlobInfo.Builder info = BlobInfo.newBuilder(name).setContentType("application/octet-stream")
                    .setMetadata(Map.of(GcsNames.META_KEY, handle.key()));
            List<BlobWriteOption> opts = new ArrayList<>(List.of(BlobWriteOption.disableGzipContent(),
                    before == null ? BlobWriteOption.doesNotExist() : BlobWriteOption.generationMatch(before.getGeneration())));
            boolean supplied = part.checksum() != null && part.checksum().algorithm() == ChecksumAlgorithm.CRC32C;
            if (supplied) {
                info.setCrc32c(part.checksum().base64()); // GCS verifies it and rejects a damaged body
                opts.add(BlobWriteOption.crc32cMatch());
            }
            // without a supplied CRC-32C, compute one on the way for the retry check below
            CrcStream counted = supplied ? null : new CrcStream(part.body());
            Blob stored;
            try {
                stored = backend.partStorage.create(info.build(), supplied ? part.body() : counted,
                        opts.toArray(BlobWriteOption[]::new));
            } catch (RuntimeException e) {
                if (!GcsErrors.isStatus(e, 412) || (counted != null && counted.count != part.length())) {
                    throw e;
                }
                String crc = supplied ? part.checksum().base64() : counted.checksum().base64();
                stored = backend.storage.get(name);
                if (stored == null || stored.getSize() == null || stored.getSize() != part.length()
                        || !crc.equals(stored.getCrc32c())) {
                    throw new TransientStorageException(handle.describe("upload part " + part.partNumber() + " of")
                            + ": the part was replaced by another writer meanwhile; upload it again", e);
                }
            }
            if (before != null && before.getGeneration() != null && !before.getGeneration().equals(stored.getGeneration())) {
                // in a bucket with versioning the replaced part lives on as a noncurrent version: free it
                backend.storage.delete(BlobId.of(bucket, name.getName(), before.getGeneration()));
            }
            if (!isOpen()) { // completed or aborted while the body was in flight: leave nothing behind
                backend.storage.delete(stored.getBlobId(), BlobSourceOption.generationMatch());
                throw gone("upload part " + part.partNumber() + " of");
            }
            return receipt(part.partNumber(), stored);
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.UPLOAD_PART, handle.describe("upload part " + part.partNumber() + " of"), e);
        }
    }

    private static PartReceipt receipt(int partNumber, Blob b) {
        return new PartReceipt(partNumber, Long.toString(b.getGeneration()), b.getSize() == null ? 0 : b.getSize(),
                b.getCrc32c() == null ? null : new Checksum(ChecksumAlgorithm.CRC32C, b.getCrc32c()));
    }

    @Override
    public List<PartReceipt> listParts() {
        try {
            if (!isOpen()) {
                throw gone("list parts of");
            }
            return new ArrayList<>(currentParts().values());
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.LIST_PARTS, handle.describe("list parts of"), e);
        }
    }

    /** @return the live part objects by part number */
    private TreeMap<Integer, PartReceipt> currentParts() {
        TreeMap<Integer, PartReceipt> parts = new TreeMap<>();
        for (Blob b : backend.storage.list(bucket, BlobListOption.prefix(backend.names.partsPrefix(id))).iterateAll()) {
            OptionalInt n = backend.names.partNumber(id, b.getName());
            if (n.isPresent()) {
                parts.put(n.getAsInt(), receipt(n.getAsInt(), b));
            }
        }
        return parts;
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        try {
            UploadRecord uploadRecord = openRecord();
            if (uploadRecord == null) {
                throw gone("complete");
            }
            TreeMap<Integer, PartReceipt> current = currentParts();
            List<GcsCompose.Source> sources = new ArrayList<>(receipts.size());
            for (PartReceipt r : receipts) {
                PartReceipt live = current.get(r.partNumber());
                if (live == null || !live.token().equals(r.token()) || live.size() != r.size()) {
                    throw new InvalidPartException(handle.describe("complete") + ": the receipt of part " + r.partNumber()
                            + (live == null ? " names a part that is not uploaded"
                            : " is stale: the part was uploaded again since (generation " + live.token() + ", receipt "
                            + r.token() + ")") + "; use listParts() for the current receipts");
                }
                sources.add(new GcsCompose.Source(backend.names.part(id, r.partNumber()), Long.parseLong(live.token()),
                        live.size(), live.checksum()));
            }
            Blob result = new GcsCompose(backend, bucket, id).compose(sources, handle.key(), uploadRecord, precondition);
            cleanUp();
            return new UploadResult(handle.target(), result.getSize(), Long.toString(result.getGeneration()),
                    Long.toString(result.getGeneration()), new Checksum(ChecksumAlgorithm.CRC32C, result.getCrc32c()),
                    receipts.size());
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.COMPLETE, handle.describe("complete"), e);
        }
    }

    /**
     * After the object is written: the upload record goes first (the upload is closed from now
     * on), then the temporaries. A failure here does not undo the upload: leftovers show up in
     * {@code listPending} and an abort of the upload id frees them.
     */
    private void cleanUp() {
        try {
            backend.storage.delete(BlobId.of(bucket, recordName));
            deleteTemporaries();
        } catch (RuntimeException ignored) {
            // the object is complete; see above
        }
    }

    /**
     * Deletes the upload record, then every temporary of the upload (all generations), and lists
     * again until nothing is left: a part in flight during the abort deletes itself when it lands
     * (it finds no upload record), and this loop catches any that landed before that check.
     */
    @Override
    public void abort() {
        try {
            backend.storage.delete(BlobId.of(bucket, recordName));
            for (int round = 0; round < ABORT_ROUNDS; round++) {
                if (deleteTemporaries() == 0) {
                    return;
                }
            }
            if (deleteTemporaries() == 0) {
                return;
            }
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.ABORT, handle.describe("abort"), e);
        }
        throw new TransientStorageException(handle.describe("abort") + ": temporaries were still listed after " + ABORT_ROUNDS
                + " rounds; abort again later", null);
    }

    /** @return how many objects were found (and deleted) */
    private int deleteTemporaries() {
        List<BlobId> found = new ArrayList<>();
        for (Blob b : backend.storage.list(bucket, BlobListOption.prefix(backend.names.temporaries(id)),
                BlobListOption.versions(true)).iterateAll()) {
            found.add(BlobId.of(bucket, b.getName(), b.getGeneration()));
        }
        GcsCompose.parallel(backend.pool, found, b -> {
            backend.storage.delete(b); // false (already gone) is fine
            return null;
        });
        return found.size();
    }

    /** Counts the bytes of a part body and computes their CRC-32C on the way to the wire. */
    private static final class CrcStream extends FilterInputStream {
        private final CRC32C crc = new CRC32C();
        long count;

        CrcStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0; // every byte goes through read, so the CRC covers what was sent
        }

        Checksum checksum() {
            return Checksum.crc32c(crc.getValue());
        }
    }

    static IntegrityException mismatch(String what, String expected, String actual) {
        return new IntegrityException(what + ": GCS reports CRC-32C " + actual + " but the parts combine to "
                + expected);
    }
}
