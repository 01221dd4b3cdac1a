package org.chunkedupload.guard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.FileRange;
import org.chunkedupload.spi.FileCopy;
import org.jspecify.annotations.Nullable;

/**
 * The API's {@link FileCopy}: the part goes from the caller's file to the provider's inside the kernel
 * ({@code FileChannel.transferTo}, {@code sendfile} on Linux), then the stored bytes are read once
 * through a mapping (no copy into the JVM) for their CRC-32C and, when the caller gave another
 * algorithm, that checksum too. What is checked is what was stored, so a source changing under the
 * copy cannot slip through with the old checksum.
 */
final class GuardedFileCopy implements FileCopy {
    private static final long CHUNK = 16L << 20;
    private final FileRange range;
    private final int partNumber;
    private final @Nullable Checksum expected;
    private volatile boolean used;
    private volatile @Nullable Checksum stored;
    private volatile @Nullable String failure;

    GuardedFileCopy(FileRange range, int partNumber, @Nullable Checksum expected) {
        this.range = range;
        this.partNumber = partNumber;
        this.expected = expected;
    }

    @Override
    public Checksum copyTo(FileChannel target, long position) throws IOException {
        used = true;
        stored = null;
        long length = range.length();
        try (FileChannel source = FileChannel.open(range.file(), StandardOpenOption.READ)) {
            target.position(position);
            long done = 0;
            int idle = 0;
            while (done < length) {
                long n = source.transferTo(range.offset() + done, length - done, target);
                if (n > 0) {
                    done += n;
                    idle = 0;
                } else if (source.size() < range.offset() + length || ++idle > 3) {
                    throw fail("part " + partNumber + " ends early: " + range.file() + " holds " + source.size()
                            + " bytes, the part needs bytes " + range.offset() + ".." + (range.offset() + length)
                            + " (the file shrank while it was read)");
                }
            }
        }
        CRC32C crc = new CRC32C();
        java.util.zip.Checksum other = expected != null && expected.algorithm() == ChecksumAlgorithm.CRC32 ? new CRC32() : null;
        MessageDigest digest = digest();
        for (long p = 0; p < length; p += CHUNK) {
            MappedByteBuffer m = target.map(FileChannel.MapMode.READ_ONLY, position + p, Math.min(CHUNK, length - p));
            crc.update(m.duplicate());
            if (other != null) {
                other.update(m.duplicate());
            }
            if (digest != null) {
                digest.update(m.duplicate());
            }
        }
        Checksum c = Checksum.crc32c(crc.getValue());
        if (expected != null) {
            Checksum actual = switch (expected.algorithm()) {
                case CRC32C -> c;
                case CRC32 -> fourBytes(other.getValue());
                case MD5, SHA256 -> new Checksum(expected.algorithm(), Base64.getEncoder().encodeToString(digest.digest()));
            };
            if (!actual.equals(expected)) {
                throw fail("part " + partNumber + " does not match its checksum: expected " + expected + ", stored "
                        + actual + " (the data changed while it was read, or the checksum is wrong)");
            }
        }
        stored = c;
        return c;
    }

    private @Nullable MessageDigest digest() {
        if (expected == null || (expected.algorithm() != ChecksumAlgorithm.MD5 && expected.algorithm() != ChecksumAlgorithm.SHA256)) {
            return null;
        }
        try {
            return MessageDigest.getInstance(expected.algorithm() == ChecksumAlgorithm.MD5 ? "MD5" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Checksum fourBytes(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return new Checksum(ChecksumAlgorithm.CRC32, Base64.getEncoder().encodeToString(ByteBuffer.wrap(b).array()));
    }

    private IOException fail(String message) {
        failure = message;
        return new IOException(message);
    }

    /** @return whether the provider copied the part this way */
    boolean used() {
        return used;
    }

    /** @return the CRC-32C of what the last successful copy stored, or {@code null} */
    @Nullable Checksum stored() {
        return stored;
    }

    /** @return why the copy failed on the caller's side (short file, checksum), or {@code null} */
    @Nullable String failure() {
        return failure;
    }
}
