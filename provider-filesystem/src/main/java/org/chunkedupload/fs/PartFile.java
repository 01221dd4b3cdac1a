package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.PartReceipt;

/**
 * A staged part: a fixed 64-byte header (magic, receipt token, data length, CRC-32C of the data)
 * followed by the data. Writing the header into the same file as the data makes a part and its
 * receipt token appear together, with one atomic rename.
 */
record PartFile(int partNumber, String token, long length, long crc32c) {
    static final int HEADER = 64;
    private static final byte[] MAGIC = "CUPART01".getBytes(StandardCharsets.US_ASCII);

    static String fileName(int partNumber) {
        return String.format("part-%010d", partNumber);
    }

    static boolean isPartFile(String name) {
        return name.startsWith("part-") && name.length() == 15;
    }

    static int partNumberOf(String name) {
        return Integer.parseInt(name.substring(5));
    }

    void writeHeader(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        b.put(MAGIC);
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        b.put((byte) t.length).put(t);
        b.position(48);
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
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("staged part " + partNumber + " has a bad header");
        }
        byte[] t = new byte[b.get()];
        b.get(t);
        b.position(48);
        long length = b.getLong();
        long crc = b.getInt() & 0xFFFFFFFFL;
        if (ch.size() != HEADER + length) {
            throw new IOException("staged part " + partNumber + " holds " + (ch.size() - HEADER)
                    + " bytes but its header says " + length);
        }
        return new PartFile(partNumber, new String(t, StandardCharsets.US_ASCII), length, crc);
    }

    PartReceipt receipt() {
        return new PartReceipt(partNumber, token, length, Checksum.crc32c(crc32c));
    }
}
