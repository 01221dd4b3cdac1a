package org.chunkedupload.api;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which per-part checksum a transfer computes and sends for the store to verify: {@link #AUTO} (the
 * store's choice, CRC-32C where it takes it), {@link #NONE}, or one named algorithm. One value from
 * the CLI flag {@code --checksum} and the configuration key {@code checksum} down to the part: the
 * engine resolves it against the store's capabilities once, before the first byte moves. Whatever the
 * policy, the API still computes each part's CRC-32C while it is read and checks the whole object's.
 * Immutable.
 */
public final class ChecksumPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The store's choice: CRC-32C where the store verifies it, else the first algorithm it verifies. */
    public static final ChecksumPolicy AUTO = new ChecksumPolicy("auto", null);
    /** No per-part checksum is sent. */
    public static final ChecksumPolicy NONE = new ChecksumPolicy("none", null);

    private final String name;
    private final ChecksumAlgorithm algorithm;

    private ChecksumPolicy(String name, ChecksumAlgorithm algorithm) {
        this.name = name;
        this.algorithm = algorithm;
    }

    /**
     * @param algorithm the algorithm to send, or {@code null} for {@link #NONE}
     * @return the policy that sends exactly that algorithm
     */
    public static ChecksumPolicy of(@Nullable ChecksumAlgorithm algorithm) {
        return algorithm == null ? NONE : new ChecksumPolicy(algorithm.name().toLowerCase(Locale.ROOT), algorithm);
    }

    /**
     * @param name {@code auto}, {@code none}, {@code crc32c}, {@code crc32}, {@code md5} or {@code sha256}
     *     (any case)
     * @return the policy
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ChecksumPolicy parse(String name) {
        String n = Objects.requireNonNull(name, "checksum").trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "auto" -> AUTO;
            case "none" -> NONE;
            case "crc32c" -> of(ChecksumAlgorithm.CRC32C);
            case "crc32" -> of(ChecksumAlgorithm.CRC32);
            case "md5" -> of(ChecksumAlgorithm.MD5);
            case "sha256" -> of(ChecksumAlgorithm.SHA256);
            default -> throw new IllegalArgumentException("'checksum' must be auto, none, crc32c, crc32, md5 or sha256,"
                    + " got '" + name + "'");
        };
    }

    /**
     * Resolves the policy against a store: none when the store verifies no part checksum (or the
     * policy is {@link #NONE}), the named algorithm when the store verifies it, else for {@link #AUTO}
     * CRC-32C when the store takes it.
     *
     * @param caps the store's capabilities
     * @param providerId the provider id, for the message
     * @return the algorithm to compute and send with every part, or empty
     * @throws ConfigurationException when the named algorithm is one the store does not verify
     */
    public Optional<ChecksumAlgorithm> partChecksum(Capabilities caps, String providerId) {
        if (this == NONE || !caps.supports(Capabilities.Feature.PART_CHECKSUM)) {
            return Optional.empty();
        }
        if (algorithm != null) {
            if (!caps.checksumAlgorithms().contains(algorithm)) {
                throw new ConfigurationException("provider " + providerId + " verifies " + caps.checksumAlgorithms()
                        + " part checksums, not " + algorithm + ": choose one of those or none");
            }
            return Optional.of(algorithm);
        }
        return caps.checksumAlgorithms().contains(ChecksumAlgorithm.CRC32C) ? Optional.of(ChecksumAlgorithm.CRC32C)
                : caps.checksumAlgorithms().stream().findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChecksumPolicy p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the name {@link #parse} takes: {@code auto}, {@code none}, {@code crc32c}, … */
    @Override
    public String toString() {
        return name;
    }

    private Object readResolve() {
        return parse(name);
    }
}
