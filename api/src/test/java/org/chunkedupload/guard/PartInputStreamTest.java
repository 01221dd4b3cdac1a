package org.chunkedupload.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ZeroCopySource;
import org.junit.jupiter.api.Test;

/** The API's check passes a {@link ZeroCopySource} on unread only where the store's check replaces its own. */
class PartInputStreamTest {
    private static final byte[] DATA = {1, 2, 3, 4, 5};

    /** A body that can be moved unread, as the engine's file parts can. */
    static final class Movable extends ByteArrayInputStream implements ZeroCopySource {
        Movable(byte[] b) {
            super(b);
        }

        @Override
        public boolean zeroCopy() {
            return true;
        }

        @Override
        public long transferTo(WritableByteChannel target, long max) throws IOException {
            if (available() == 0) {
                return -1;
            }
            int n = (int) Math.min(max, available());
            target.write(ByteBuffer.wrap(buf, pos, n));
            pos += n;
            return n;
        }
    }

    private static Checksum crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return Checksum.crc32c(c.getValue());
    }

    @Test
    void onlyACrc32cTheStoreVerifiesLetsTheBodyGoUnread() {
        Checksum md5 = new Checksum(ChecksumAlgorithm.MD5, "AAAAAAAAAAAAAAAAAAAAAA==");
        assertTrue(new PartInputStream(new Movable(DATA), 1, 5, crc(DATA), true).zeroCopy());
        assertFalse(new PartInputStream(new Movable(DATA), 1, 5, crc(DATA), false).zeroCopy(), "the store does not check");
        assertFalse(new PartInputStream(new Movable(DATA), 1, 5, null, true).zeroCopy(), "no checksum to check");
        assertFalse(new PartInputStream(new Movable(DATA), 1, 5, md5, true).zeroCopy(), "not a CRC-32C");
        assertFalse(new PartInputStream(new ByteArrayInputStream(DATA), 1, 5, crc(DATA), true).zeroCopy(), "must be read");
        assertThrows(IllegalStateException.class, () -> new PartInputStream(new Movable(DATA), 1, 5, crc(DATA), false)
                .transferTo(Channels.newChannel(new ByteArrayOutputStream()), 5));
    }

    @Test
    void movedBytesAreCountedAndTheCallersChecksumStandsForThem() throws IOException {
        PartInputStream p = new PartInputStream(new Movable(DATA), 1, 5, crc(DATA), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WritableByteChannel ch = Channels.newChannel(out);
        assertEquals(2, p.transferTo(ch, 2));
        assertEquals(3, p.transferTo(ch, 10));
        assertEquals(-1, p.transferTo(ch, 10));
        assertEquals(5, p.count());
        assertArrayEquals(DATA, out.toByteArray());
        assertEquals(crc(DATA), p.crc32c());
    }

    @Test
    void aMovedBodyThatEndsEarlyFailsNamingThePart() throws IOException {
        PartInputStream p = new PartInputStream(new Movable(new byte[] {1, 2}), 4, 5, crc(DATA), true);
        WritableByteChannel ch = Channels.newChannel(new ByteArrayOutputStream());
        assertEquals(2, p.transferTo(ch, 10));
        IOException e = assertThrows(IOException.class, () -> p.transferTo(ch, 10));
        assertTrue(e.getMessage().contains("part 4 ended after 2 of the 5 bytes"), e.getMessage());
        assertTrue(p.failure() != null);
    }
}
