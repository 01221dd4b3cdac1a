package org.chunkedupload.guard;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PartTooLargeException;
import org.chunkedupload.api.UnsupportedFeatureException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's {@link ChunkedUploadSession} over one provider upload: validates every call against the
 * capabilities, reads each part body through a {@link PartInputStream}, then delegates to the provider.
 */
final class GuardedUpload implements ChunkedUploadSession {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedUpload.class);
    private final GuardedBackend backend;
    private final ProviderUpload upload;
    private final Capabilities caps;

    GuardedUpload(GuardedBackend backend, ProviderUpload upload) {
        this.backend = backend;
        this.upload = upload;
        this.caps = backend.capabilities();
    }

    @Override
    public UploadHandle handle() {
        return upload.handle();
    }

    @Override
    public PartReceipt uploadPart(int partNumber, InputStream body, long length, Checksum checksum) {
        Objects.requireNonNull(body, "body");
        return upload(partNumber, length, checksum, new PartBodies(() -> body, false), false);
    }

    @Override
    public PartReceipt uploadPart(int partNumber, Supplier<? extends InputStream> body, long length,
                                  Checksum checksum) {
        Objects.requireNonNull(body, "body");
        return upload(partNumber, length, checksum, new PartBodies(body, true), true);
    }

    private PartReceipt upload(int partNumber, long length, Checksum checksum, PartBodies bodies, boolean repeatable) {
        backend.ensureOpen();
        if (length < 0) {
            throw new IllegalArgumentException("part length must be >= 0, got " + length);
        }
        ReceiptRules.checkPartNumber(partNumber, caps, backend.providerId());
        if (length > caps.maxPartSize()) {
            throw new PartTooLargeException("part " + partNumber + " is " + length + " bytes, above the maximum part size "
                    + caps.maxPartSize() + " of provider " + backend.providerId() + ": use a smaller part size");
        }
        boolean storeVerifies = checksum != null && caps.supports(Feature.PART_CHECKSUM)
                && caps.checksumAlgorithms().contains(checksum.algorithm());
        PartReceipt receipt = bodies.send(() -> upload.uploadPart(new PartContent(partNumber,
                bodies.open(partNumber, length, checksum, storeVerifies), length, checksum,
                repeatable ? () -> bodies.open(partNumber, length, checksum, storeVerifies) : null)));
        PartInputStream in = bodies.consumed(length);
        if (in.count() != length) {
            throw new IntegrityException("provider " + backend.providerId() + " stored part " + partNumber + " after reading "
                    + in.count() + " of " + length + " bytes (a provider bug: report it to the provider's author)");
        }
        if (receipt.partNumber() != partNumber || receipt.size() != length) {
            throw new IntegrityException("provider " + backend.providerId() + " returned a receipt for part "
                    + receipt.partNumber() + " of " + receipt.size() + " bytes for part " + partNumber + " of "
                    + length + " bytes (a provider bug)");
        }
        Checksum crc = in.crc32c();
        if (receipt.checksum() == null) {
            return receipt.withChecksum(crc);
        }
        if (receipt.checksum().algorithm() == ChecksumAlgorithm.CRC32C && !receipt.checksum().equals(crc)) {
            throw new IntegrityException("the store reports " + receipt.checksum() + " for part " + partNumber
                    + " but the bytes sent have " + crc + ": the part was damaged in transit; upload it again");
        }
        return receipt;
    }

    @Override
    public List<PartReceipt> listParts() {
        backend.ensureOpen();
        requireFeature(Feature.LIST_PARTS, "listParts()");
        List<PartReceipt> parts = new ArrayList<>(upload.listParts());
        parts.sort(Comparator.comparingInt(PartReceipt::partNumber));
        return List.copyOf(parts);
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        backend.ensureOpen();
        Objects.requireNonNull(precondition, "precondition");
        switch (precondition.kind()) {
            case IF_ABSENT -> requireFeature(Feature.CONDITIONAL_CREATE, "complete with WritePrecondition.ifAbsent()");
            case IF_MATCH -> requireFeature(Feature.CONDITIONAL_MATCH, "complete with WritePrecondition.ifMatch()");
            case NONE -> { }
        }
        List<PartReceipt> sorted = ReceiptRules.validate(receipts, caps, backend.providerId());
        long total = sorted.stream().mapToLong(PartReceipt::size).sum();
        UploadResult result;
        try {
            result = upload.complete(sorted, precondition);
        } catch (org.chunkedupload.api.NoSuchUploadException gone) {
            // a store whose complete is not idempotent answers a retried complete (after a lost response) with
            // "no such upload": when the object at the key holds exactly these parts, the complete happened
            result = backend.completedAlready(upload.handle().target(), total, Crc32c.combine(sorted), sorted.size())
                    .orElseThrow(() -> gone);
            LOG.info("complete of {} was answered 'no such upload', but the object at the key holds exactly this"
                    + " upload's parts ({} bytes): an earlier complete whose answer was lost had succeeded",
                    upload.handle().target(), total);
        }
        if (result.size() != total) {
            throw backend.corrupt(result, "the store reports " + result.size() + " bytes for " + result.target()
                    + " but the parts hold " + total + " bytes");
        }
        Checksum expected = Crc32c.combine(sorted);
        if (expected == null) {
            return result;
        }
        Checksum reported = result.checksum();
        if (reported == null) {
            return result.withChecksum(expected);
        }
        if (reported.algorithm() == ChecksumAlgorithm.CRC32C && !reported.equals(expected)) {
            throw backend.corrupt(result, "the store reports " + reported + " for " + result.target()
                    + " but its parts combine to " + expected);
        }
        return result;
    }

    @Override
    public void abort() {
        backend.ensureOpen();
        upload.abort();
    }

    private void requireFeature(Feature feature, String what) {
        if (!caps.supports(feature)) {
            throw new UnsupportedFeatureException(what + " needs capability " + feature + ", which provider "
                    + backend.providerId() + " does not declare");
        }
    }

    @Override
    public String toString() {
        return "ChunkedUploadSession[" + upload.handle() + "]";
    }
}
