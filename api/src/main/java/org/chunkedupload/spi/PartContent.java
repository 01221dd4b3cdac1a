package org.chunkedupload.spi;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.chunkedupload.api.Checksum;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one part, as handed to a provider.
 *
 * @param partNumber the part number, within the declared range
 * @param body the bytes; yields exactly {@code length} bytes and then end-of-stream, and throws
 *     an {@link java.io.IOException} (never returning short) if the caller's data is short or
 *     fails its checksum, so a provider that streams it never stores a damaged part. One
 *     exception: a digest (MD5, SHA-256) of an algorithm the provider declares with
 *     {@code PART_CHECKSUM} is left to the store to verify, so it is not computed twice
 * @param length the number of bytes
 * @param checksum the expected checksum supplied by the caller, to send to the store where it
 *     verifies one (a provider declaring {@code PART_CHECKSUM} and the algorithm must send it);
 *     {@code null} when none was supplied
 * @param reopener opens the part afresh (each stream checked like {@code body}) when the caller's
 *     source can be read more than once, or {@code null}; use it where the transport may send the body
 *     twice. Streams it opens are closed by the API after the call, whatever the provider does.
 */
public record PartContent(int partNumber, InputStream body, long length, @Nullable Checksum checksum,
                          @Nullable Supplier<InputStream> reopener) {
    /** Validates the fields. */
    public PartContent {
        Objects.requireNonNull(body, "body");
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
    }

    /**
     * A part whose body can be read once.
     *
     * @param partNumber the part number
     * @param body the bytes
     * @param length the number of bytes
     * @param checksum the expected checksum, or {@code null}
     */
    public PartContent(int partNumber, InputStream body, long length, @Nullable Checksum checksum) {
        this(partNumber, body, length, checksum, null);
    }

    /** @return whether {@link #reopen()} may be called */
    public boolean repeatable() {
        return reopener != null;
    }

    /**
     * @return a fresh stream over the part's bytes
     * @throws IllegalStateException when the part is not {@link #repeatable()}
     */
    public InputStream reopen() {
        if (reopener == null) {
            throw new IllegalStateException("part " + partNumber + " can be read only once");
        }
        return reopener.get();
    }
}
