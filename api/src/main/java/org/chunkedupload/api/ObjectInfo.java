package org.chunkedupload.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Metadata of a stored object.
 *
 * @param target where it is
 * @param size its size in bytes
 * @param etag the provider's entity tag, usable for {@link WritePrecondition#ifMatch(String)}
 * @param lastModified when it was last written, or {@code null} when unknown
 */
public record ObjectInfo(ObjectTarget target, long size, String etag, Instant lastModified) {
    /** Validates the fields. */
    public ObjectInfo {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(etag, "etag");
    }
}
