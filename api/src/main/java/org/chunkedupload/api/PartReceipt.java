package org.chunkedupload.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The store's receipt for one uploaded part. Complete needs one receipt per part; a receipt is
 * valid until its part number is uploaded again.
 *
 * @param partNumber the part number
 * @param token the provider's receipt (an S3 ETag, a GCS generation, an Azure block id, ...)
 * @param size the part size in bytes
 * @param checksum the part's checksum, or {@code null} when unknown
 */
public record PartReceipt(int partNumber, String token, long size, @Nullable Checksum checksum) implements Serializable {
    private static final String PREFIX = "cur1.";

    /** Validates the fields. */
    public PartReceipt {
        Objects.requireNonNull(token, "token");
        if (size < 0) {
            throw new IllegalArgumentException("part size must be >= 0, got " + size);
        }
    }

    /**
     * @param value the checksum to attach
     * @return a copy of this receipt carrying {@code value}
     */
    public PartReceipt withChecksum(Checksum value) {
        return new PartReceipt(partNumber, token, size, value);
    }

    /** @return a compact, URL-safe string that {@link #parse(String)} turns back into an equal receipt */
    public String serialize() {
        List<String> f = new ArrayList<>(List.of(Integer.toString(partNumber), token, Long.toString(size)));
        if (checksum != null) {
            f.add(checksum.toString());
        }
        return CompactCodec.encode(PREFIX, f);
    }

    /**
     * @param serialized a string produced by {@link #serialize()}
     * @return the receipt
     * @throws IllegalArgumentException when the string is not a serialized receipt
     */
    public static PartReceipt parse(String serialized) {
        List<String> f = CompactCodec.decode(PREFIX, serialized, "part receipt");
        if (f.size() != 3 && f.size() != 4) {
            throw new IllegalArgumentException("corrupt serialized part receipt: wrong number of fields");
        }
        try {
            return new PartReceipt(Integer.parseInt(f.get(0)), f.get(1), Long.parseLong(f.get(2)),
                    f.size() == 4 ? Checksum.parse(f.get(3)) : null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("corrupt serialized part receipt: " + e.getMessage(), e);
        }
    }
}
