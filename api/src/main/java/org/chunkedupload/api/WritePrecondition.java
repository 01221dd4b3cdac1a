package org.chunkedupload.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition the store checks atomically when complete publishes the object.
 *
 * @param kind the kind of condition
 * @param etag the expected ETag for {@link Kind#IF_MATCH}, otherwise {@code null}
 */
public record WritePrecondition(Kind kind, @Nullable String etag) {
    /** The kinds of precondition. */
    public enum Kind {
        /** Publish unconditionally; an existing object is replaced. */
        NONE,
        /** Publish only if no object exists at the key (create-only, {@code If-None-Match: *}). */
        IF_ABSENT,
        /** Publish only if the existing object has the given ETag (compare-and-swap, {@code If-Match}). */
        IF_MATCH
    }

    private static final WritePrecondition NONE = new WritePrecondition(Kind.NONE, null);
    private static final WritePrecondition ABSENT = new WritePrecondition(Kind.IF_ABSENT, null);

    /** Validates that an ETag is present exactly for {@link Kind#IF_MATCH}. */
    public WritePrecondition {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.IF_MATCH) != (etag != null)) {
            throw new IllegalArgumentException("an etag is required for IF_MATCH and only for IF_MATCH");
        }
    }

    /** @return no precondition */
    public static WritePrecondition none() {
        return NONE;
    }

    /** @return create-only */
    public static WritePrecondition ifAbsent() {
        return ABSENT;
    }

    /**
     * @param etag the ETag the existing object must have
     * @return compare-and-swap on {@code etag}
     */
    public static WritePrecondition ifMatch(String etag) {
        return new WritePrecondition(Kind.IF_MATCH, etag);
    }
}
