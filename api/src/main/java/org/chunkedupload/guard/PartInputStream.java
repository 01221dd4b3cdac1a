package org.chunkedupload.guard;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ZeroCopySource;

/**
 * Feeds exactly {@code length} bytes of a caller's body to a provider while computing their CRC-32C
 * (and the caller's checksum algorithm, if another). A body that ends early, or whose bytes do not
 * match the expected checksum, fails with an {@link IOException} before the last byte is handed
 * over, so a provider streaming from it cannot store a damaged part. A digest the store itself
 * verifies is not computed twice.
 *
 * <p>It passes a {@link ZeroCopySource} body on unread ({@link #transferTo}) only when the store
 * verifies the caller's CRC-32C itself: the bytes then never reach this check, and the store's
 * refusal of a damaged part takes its place.
 */
final class PartInputStream extends InputStream implements ZeroCopySource {
    private final InputStream in;
    private final int partNumber;
    private final long length;
    private final Checksum expected;
    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32;
    private final MessageDigest digest;
    private final boolean storeVerifiesCrc32c;
    private long count;
    private boolean transferred;
    private volatile String failure;

    /**
     * @param in the caller's bytes
     * @param partNumber the part number, for messages
     * @param length the declared length
     * @param expected the caller's checksum, or {@code null}
     * @param storeVerifies whether the store verifies {@code expected} itself (the provider
     *     declares the algorithm and {@code PART_CHECKSUM}): a digest (MD5, SHA-256) is then not
     *     computed a second time here, as the store refuses a damaged part; CRC checks always run
     */
    PartInputStream(InputStream in, int partNumber, long length, Checksum expected, boolean storeVerifies) {
        this.in = in;
        this.partNumber = partNumber;
        this.length = length;
        boolean digestAlg = expected != null && (expected.algorithm() == ChecksumAlgorithm.MD5
                || expected.algorithm() == ChecksumAlgorithm.SHA256);
        this.expected = storeVerifies && digestAlg ? null : expected;
        this.storeVerifiesCrc32c = storeVerifies && expected != null && expected.algorithm() == ChecksumAlgorithm.CRC32C;
        ChecksumAlgorithm alg = this.expected == null ? ChecksumAlgorithm.CRC32C : this.expected.algorithm();
        this.crc32 = alg == ChecksumAlgorithm.CRC32 ? new CRC32() : null;
        this.digest = switch (alg) {
            case MD5 -> digest("MD5");
            case SHA256 -> digest("SHA-256");
            default -> null;
        };
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        if (count >= length) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, length - count);
        int n = in.read(b, off, want);
        if (n < 0) {
            throw fail("the body of part " + partNumber + " ended after " + count + " of the " + length
                    + " bytes declared: pass the exact part length");
        }
        crc32c.update(b, off, n);
        if (crc32 != null) {
            crc32.update(b, off, n);
        }
        if (digest != null) {
            digest.update(b, off, n);
        }
        count += n;
        if (count == length) {
            verify();
        }
        return n;
    }

    @Override
    public boolean zeroCopy() {
        return storeVerifiesCrc32c && in instanceof ZeroCopySource z && z.zeroCopy();
    }

    @Override
    public long transferTo(java.nio.channels.WritableByteChannel target, long max) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        if (!zeroCopy()) {
            throw new IllegalStateException("part " + partNumber + " must be read: its store does not verify its CRC-32C");
        }
        if (count >= length) {
            return -1;
        }
        long n = ((ZeroCopySource) in).transferTo(target, Math.min(max, length - count));
        if (n < 0) {
            throw fail("the body of part " + partNumber + " ended after " + count + " of the " + length
                    + " bytes declared: pass the exact part length");
        }
        transferred |= n > 0;
        count += n;
        return n;
    }

    private void verify() throws IOException {
        if (expected == null) {
            return;
        }
        Checksum actual = actual(expected.algorithm());
        if (!actual.equals(expected)) {
            throw fail("part " + partNumber + " does not match its checksum: expected " + expected + ", read "
                    + actual + " (the data changed while it was read, or the checksum is wrong)");
        }
    }

    private Checksum actual(ChecksumAlgorithm alg) {
        return switch (alg) {
            case CRC32C -> Checksum.crc32c(crc32c.getValue());
            case CRC32 -> {
                long v = crc32.getValue();
                byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
                yield new Checksum(alg, Base64.getEncoder().encodeToString(b));
            }
            case MD5, SHA256 -> new Checksum(alg, Base64.getEncoder().encodeToString(digest.digest()));
        };
    }

    private IOException fail(String message) {
        failure = message;
        return new IOException(message);
    }

    /** @return the failure this stream reported to the provider, or {@code null} */
    String failure() {
        return failure;
    }

    /** @return bytes handed to the provider so far */
    long count() {
        return count;
    }

    /**
     * @return the CRC-32C of the bytes handed over (the whole part once {@link #count()} is the length);
     *     the caller's, which the store verified, when bytes went by {@link #transferTo}
     */
    Checksum crc32c() {
        return transferred ? expected : Checksum.crc32c(crc32c.getValue());
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }
}
