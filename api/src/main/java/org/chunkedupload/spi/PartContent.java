package org.chunkedupload.spi;

import java.io.InputStream;
import java.util.Objects;
import org.chunkedupload.api.Checksum;

/**
 * The bytes of one part, as handed to a provider.
 *
 * @param partNumber the part number, within the declared range
 * @param body the bytes; yields exactly {@code length} bytes and then end-of-stream, and throws
 *     an {@link java.io.IOException} (never returning short) if the caller's data is short or
 *     fails its checksum, so a provider that streams it never stores a damaged part
 * @param length the number of bytes
 * @param checksum the expected checksum supplied by the caller, to send to the store where it
 *     verifies one; {@code null} when none was supplied
 */
public record PartContent(int partNumber, InputStream body, long length, Checksum checksum) {
    /** Validates the fields. */
    public PartContent {
        Objects.requireNonNull(body, "body");
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
    }
}
