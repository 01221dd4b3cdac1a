package org.chunkedupload.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Metadata of a stored object.
 *
 * @param target where it is
 * @param size its size in bytes
 * @param etag the provider's entity tag, usable for {@link WritePrecondition#ifMatch(String)}
 * @param lastModified when it was last written, or {@code null} when unknown
 * @param checksum the whole object's checksum as the store reports it (CRC-32C where the store keeps
 *     one for the whole object), or {@code null} when the store reports none
 */
public record ObjectInfo(ObjectTarget target, long size, String etag, @Nullable Instant lastModified, @Nullable Checksum checksum) {
    /** Validates the fields. */
    public ObjectInfo {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(etag, "etag");
    }

    /**
     * Metadata without a whole-object checksum.
     *
     * @param target where it is
     * @param size its size in bytes
     * @param etag the provider's entity tag
     * @param lastModified when it was last written, or {@code null}
     */
    public ObjectInfo(ObjectTarget target, long size, String etag, @Nullable Instant lastModified) {
        this(target, size, etag, lastModified, null);
    }
}
