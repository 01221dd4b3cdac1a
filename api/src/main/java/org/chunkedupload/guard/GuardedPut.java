package org.chunkedupload.guard;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartTooLargeException;
import org.chunkedupload.api.UnsupportedFeatureException;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;

/**
 * The guard of a single-request put: the feature and the precondition's feature are declared, the
 * size fits one part, the body is read through a {@link PartInputStream} (exact length, CRC-32C, the
 * caller's checksum), and the store's size and CRC-32C are compared with the bytes sent.
 */
final class GuardedPut {
    private GuardedPut() {
    }

    static UploadResult put(GuardedBackend backend, ProviderBackend provider, ObjectTarget target,
                            Supplier<? extends InputStream> body, long length, Checksum checksum, UploadOptions options,
                            WritePrecondition precondition) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(precondition, "precondition");
        Capabilities caps = backend.capabilities();
        String id = backend.providerId();
        require(caps, Feature.SINGLE_REQUEST_PUT, "put", id);
        switch (precondition.kind()) {
            case IF_ABSENT -> require(caps, Feature.CONDITIONAL_CREATE, "put with WritePrecondition.ifAbsent()", id);
            case IF_MATCH -> require(caps, Feature.CONDITIONAL_MATCH, "put with WritePrecondition.ifMatch()", id);
            case NONE -> { }
        }
        if (length < 0) {
            throw new IllegalArgumentException("object length must be >= 0, got " + length);
        }
        if (length > caps.maxPartSize()) {
            throw new PartTooLargeException(target + " is " + length + " bytes, above the " + caps.maxPartSize()
                    + " bytes provider " + id + " stores in one request: upload it in parts");
        }
        boolean storeVerifies = checksum != null && caps.supports(Feature.PART_CHECKSUM)
                && caps.checksumAlgorithms().contains(checksum.algorithm());
        PartBodies bodies = new PartBodies(body, true);
        UploadResult result = bodies.send(() -> provider.put(target.bucket(), target.key(), new PartContent(1,
                bodies.open(1, length, checksum, storeVerifies), length, checksum,
                () -> bodies.open(1, length, checksum, storeVerifies)), options, precondition));
        PartInputStream sent = bodies.consumed(length);
        if (sent.count() != length) {
            throw new IntegrityException("provider " + id + " stored " + target + " after reading " + sent.count() + " of "
                    + length + " bytes (a provider bug: report it to the provider's author)");
        }
        if (result.size() != length) {
            throw backend.corrupt(result, "the store reports " + result.size() + " bytes for " + target + " but "
                    + length + " were sent");
        }
        Checksum crc = sent.crc32c();
        if (result.checksum() == null) {
            return result.withChecksum(crc);
        }
        if (result.checksum().algorithm() == ChecksumAlgorithm.CRC32C && !result.checksum().equals(crc)) {
            throw backend.corrupt(result, "the store reports " + result.checksum() + " for " + target
                    + " but the bytes sent have " + crc);
        }
        return result;
    }

    private static void require(Capabilities caps, Feature f, String what, String id) {
        if (!caps.supports(f)) {
            throw new UnsupportedFeatureException(what + " needs capability " + f + ", which provider " + id
                    + " does not declare: use initiate, uploadPart and complete");
        }
    }
}
