package org.chunkedupload.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What complete produced.
 *
 * @param target where the object now is
 * @param size the object size in bytes
 * @param etag the provider's entity tag (or generation) of the new object; usable for a later
 *     {@link WritePrecondition#ifMatch(String) compare-and-swap}
 * @param versionId the provider's version id, or {@code null} when the store has no versions
 * @param checksum a whole-object checksum, verified against the store where it reports one, or
 *     {@code null} when none is known
 * @param partCount how many parts were joined
 */
public record UploadResult(ObjectTarget target, long size, String etag, @Nullable String versionId, @Nullable Checksum checksum,
                           int partCount) {
    /** Validates the fields. */
    public UploadResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(etag, "etag");
    }

    /**
     * @param value the checksum
     * @return a copy carrying {@code value}
     */
    public UploadResult withChecksum(Checksum value) {
        return new UploadResult(target, size, etag, versionId, value, partCount);
    }
}
