package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.PartReceipt;

/**
 * The record of a staged part, in a file named {@code part-NNNNNNNNNN}: a fixed 64-byte header
 * (magic, receipt token, data length, CRC-32C of the data, and where the data is). The data either
 * follows the header in the same file ({@link #inline()}), or lies in the upload's shared
 * {@code data} file at {@link #dataOffset()} (parts placed directly by offset). Either way the
 * header file appears by one atomic rename after the data is written, so a part and its token
 * become visible together.
 *
 * @param partNumber the part number
 * @param token the receipt token, unique per upload of the part
 * @param length the data length
 * @param crc32c CRC-32C of the data
 * @param dataOffset offset of the data in the shared data file, or -1 when the data is inline
 */
record PartFile(int partNumber, String token, long length, long crc32c, long dataOffset) {
    static final int HEADER = 64;
    private static final byte[] MAGIC = "CUPART02".getBytes(StandardCharsets.US_ASCII);

    static String fileName(int partNumber) {
        return String.format("part-%010d", partNumber);
    }

    static boolean isPartFile(String name) {
        return name.startsWith("part-") && name.length() == 15;
    }

    static int partNumberOf(String name) {
        return Integer.parseInt(name.substring(5));
    }

    boolean inline() {
        return dataOffset < 0;
    }

    /** @return where the data starts in the channel that holds it */
    long dataStart() {
        return inline() ? HEADER : dataOffset;
    }

    void writeHeader(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        b.put(MAGIC);
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        b.put((byte) t.length).put(t);
        b.position(40);
        b.putLong(dataOffset);
        b.putLong(length);
        b.putInt((int) crc32c);
        b.position(0);
        while (b.hasRemaining()) {
            ch.write(b, b.position());
        }
    }

    static PartFile readHeader(FileChannel ch, int partNumber) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        while (b.hasRemaining()) {
            if (ch.read(b, b.position()) < 0) {
                throw new IOException("staged part " + partNumber + " is truncated");
            }
        }
        b.flip();
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("staged part " + partNumber + " has a bad header");
        }
        byte[] t = new byte[b.get()];
        b.get(t);
        b.position(40);
        long offset = b.getLong();
        long length = b.getLong();
        long crc = b.getInt() & 0xFFFFFFFFL;
        long expected = offset < 0 ? HEADER + length : HEADER;
        if (ch.size() != expected) {
            throw new IOException("staged part " + partNumber + " is " + ch.size() + " bytes, expected " + expected);
        }
        return new PartFile(partNumber, new String(t, StandardCharsets.US_ASCII), length, crc, offset);
    }

    PartReceipt receipt() {
        return new PartReceipt(partNumber, token, length, Checksum.crc32c(crc32c));
    }
}
