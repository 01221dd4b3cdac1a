package org.chunkedupload.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link ChunkedUploadSession#abort()} guarantees about the storage that the upload's parts
 * hold.
 *
 * @param kind immediate, eventual or none
 * @param delay for {@link Kind#EVENTUAL}, the longest time until the store frees the parts;
 *     {@link Duration#ZERO} otherwise
 */
public record AbortGuarantee(Kind kind, Duration delay) {
    /** How soon abort frees storage. */
    public enum Kind {
        /** Parts are gone when abort returns (in-flight parts included, once they end). */
        IMMEDIATE,
        /** The handle is dead at once, but the store frees the parts only after {@link #delay()}. */
        EVENTUAL,
        /** The store keeps the parts until an operator removes them. */
        NONE
    }

    /** Validates the fields. */
    public AbortGuarantee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if ((kind == Kind.EVENTUAL) == delay.isZero()) {
            throw new IllegalArgumentException("a delay is required for EVENTUAL and only for EVENTUAL");
        }
    }

    /** @return parts are freed when abort returns */
    public static AbortGuarantee immediate() {
        return new AbortGuarantee(Kind.IMMEDIATE, Duration.ZERO);
    }

    /**
     * @param delay the longest time until the store frees the parts
     * @return parts are freed within {@code delay}
     */
    public static AbortGuarantee eventual(Duration delay) {
        return new AbortGuarantee(Kind.EVENTUAL, delay);
    }

    /** @return parts are never freed by the store itself */
    public static AbortGuarantee none() {
        return new AbortGuarantee(Kind.NONE, Duration.ZERO);
    }

    @Override
    public String toString() {
        return kind == Kind.EVENTUAL ? "EVENTUAL(" + delay + ")" : kind.name();
    }
}
