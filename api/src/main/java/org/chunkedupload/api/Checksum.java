package org.chunkedupload.api;

import java.io.Serializable;
import java.util.Base64;
import java.util.Objects;

/**
 * A checksum value: the algorithm and the digest bytes, held as standard Base64 (the form
 * S3, GCS and Azure use in headers).
 *
 * @param algorithm the algorithm
 * @param base64 the digest, Base64-encoded (standard alphabet, with padding)
 */
public record Checksum(ChecksumAlgorithm algorithm, String base64) implements Serializable {

    /** Validates the fields. */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(base64, "base64");
        try {
            Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checksum value is not Base64: " + base64, e);
        }
    }

    /**
     * @param crc a CRC-32C value as returned by {@link java.util.zip.CRC32C#getValue()}
     * @return the checksum in big-endian Base64 form
     */
    public static Checksum crc32c(long crc) {
        byte[] b = {(byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc};
        return new Checksum(ChecksumAlgorithm.CRC32C, Base64.getEncoder().encodeToString(b));
    }

    /** @return the digest bytes */
    public byte[] bytes() {
        return Base64.getDecoder().decode(base64);
    }

    /** @return the digest as lower-case hex */
    public String hex() {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes()) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** @return {@code ALGORITHM:base64}, the form used in serialized receipts */
    @Override
    public String toString() {
        return algorithm + ":" + base64;
    }

    /**
     * @param text a value produced by {@link #toString()}
     * @return the checksum
     */
    public static Checksum parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("checksum must look like CRC32C:base64, got: " + text);
        }
        return new Checksum(ChecksumAlgorithm.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }
}
