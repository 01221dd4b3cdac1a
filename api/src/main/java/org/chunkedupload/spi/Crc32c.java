package org.chunkedupload.spi;

import java.util.List;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.PartReceipt;
import org.jspecify.annotations.Nullable;

/**
 * CRC-32C helpers for providers: combining part CRCs into the CRC of their concatenation without
 * re-reading data (the zlib {@code crc32_combine} method, for the Castagnoli polynomial).
 */
public final class Crc32c {
    private static final int POLY = 0x82F63B78; // reflected Castagnoli

    private Crc32c() {
    }

    /**
     * @param crcA CRC-32C of the first sequence
     * @param crcB CRC-32C of the second sequence
     * @param lenB length of the second sequence in bytes
     * @return CRC-32C of the concatenation
     */
    public static long combine(long crcA, long crcB, long lenB) {
        if (lenB <= 0) {
            return crcA;
        }
        int[] even = new int[32];
        int[] odd = new int[32];
        odd[0] = POLY;
        int row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        int crc1 = (int) crcA;
        long len = lenB;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc1 = times(even, crc1);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc1 = times(odd, crc1);
            }
            len >>= 1;
        } while (len != 0);
        return (crc1 ^ (int) crcB) & 0xFFFFFFFFL;
    }

    /**
     * @param receipts receipts in object order
     * @return the CRC-32C of the whole object, or {@code null} when a receipt carries no CRC-32C
     */
    public static @Nullable Checksum combine(List<PartReceipt> receipts) {
        long crc = 0;
        for (PartReceipt r : receipts) {
            if (r.checksum() == null || r.checksum().algorithm() != ChecksumAlgorithm.CRC32C) {
                return null;
            }
            crc = combine(crc, toLong(r.checksum()), r.size());
        }
        return Checksum.crc32c(crc);
    }

    /**
     * Reads a stream to its end and closes it.
     *
     * @param in the bytes, e.g. an object read back to check it
     * @return their CRC-32C
     * @throws java.io.IOException when reading fails
     */
    public static Checksum of(java.io.InputStream in) throws java.io.IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] buf = new byte[1 << 20];
        try (in) {
            for (int r; (r = in.read(buf)) > 0; ) {
                crc.update(buf, 0, r);
            }
        }
        return Checksum.crc32c(crc.getValue());
    }

    /**
     * @param checksum a CRC-32C checksum
     * @return its value as an unsigned int in a long
     */
    public static long toLong(Checksum checksum) {
        byte[] b = checksum.bytes();
        if (b.length != 4) {
            throw new IllegalArgumentException("a CRC-32C is 4 bytes, got " + b.length);
        }
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static int times(int[] mat, int vec) {
        int sum = 0;
        int i = 0;
        while (vec != 0) {
            if ((vec & 1) != 0) {
                sum ^= mat[i];
            }
            vec >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(int[] square, int[] mat) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
