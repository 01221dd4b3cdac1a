package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One byte range of a file, read in the sizes HTTP clients ask for, gives exactly that range. */
class FileRangeInputStreamTest {
    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("src"), bytes);
    }

    private static byte[] readAll(InputStream in, int... readSizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int size = readSizes[i++ % readSizes.length];
            byte[] b = new byte[size + 3];
            int n = in.read(b, 3, size);
            if (n < 0) {
                return out.toByteArray();
            }
            assertTrue(n > 0 && n <= size, "read " + n + " of " + size);
            out.write(b, 3, n);
        }
    }

    @Test
    void smallLargeAndMixedReadsGiveExactlyTheRange() throws IOException {
        int size = 3 * FileRangeInputStream.CHUNK + 12345;
        Path f = file(size);
        byte[] all = Files.readAllBytes(f);
        long offset = 1000;
        int length = 2 * FileRangeInputStream.CHUNK + 777;
        byte[] want = Arrays.copyOfRange(all, (int) offset, (int) offset + length);
        for (int[] sizes : new int[][] {{4096}, {1}, {FileRangeInputStream.CHUNK}, {4096, 1 << 20, 17, 65536}, {1 << 20}}) {
            try (InputStream in = new FileRangeInputStream(f, offset, length)) {
                assertArrayEquals(want, readAll(in, sizes), "reads of " + Arrays.toString(sizes));
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void aFileThatShrinksUnderTheReaderIsNamedInTheError() throws IOException {
        Path f = file(FileRangeInputStream.CHUNK * 2);
        try (InputStream in = new FileRangeInputStream(f, 0, FileRangeInputStream.CHUNK * 2L)) {
            in.read(new byte[4096], 0, 4096); // the first chunk is buffered
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(FileRangeInputStream.CHUNK);
            }
            IOException e = assertThrows(IOException.class, () -> readAll(in, 4096));
            assertTrue(e.getMessage().contains("shrank"), e.getMessage());
        }
    }

    /** Moves what a read would give next through transferTo, {@code max} bytes at most per call. */
    private static byte[] transferAll(FileRangeInputStream in, long max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.channels.WritableByteChannel ch = java.nio.channels.Channels.newChannel(out);
        for (long n = in.transferTo(ch, max); n >= 0; n = in.transferTo(ch, max)) {
            assertTrue(n <= max, "moved " + n + " of at most " + max);
        }
        return out.toByteArray();
    }

    @Test
    void transferToMovesExactlyTheRangeAfterWhatReadsTook() throws IOException {
        int size = 3 * FileRangeInputStream.CHUNK + 12345;
        Path f = file(size);
        byte[] all = Files.readAllBytes(f);
        long offset = 999;
        int length = 2 * FileRangeInputStream.CHUNK + 777;
        byte[] want = Arrays.copyOfRange(all, (int) offset, (int) offset + length);
        try (FileRangeInputStream in = new FileRangeInputStream(f, offset, length)) {
            assertTrue(in.zeroCopy());
            assertArrayEquals(want, transferAll(in, 100_000));
        }
        try (FileRangeInputStream in = new FileRangeInputStream(f, offset, length)) {
            byte[] head = new byte[4096];
            assertEquals(4096, in.read(head, 0, 4096)); // a chunk is now buffered: it must go first
            byte[] rest = transferAll(in, 1 << 20);
            byte[] got = Arrays.copyOf(head, 4096 + rest.length);
            System.arraycopy(rest, 0, got, 4096, rest.length);
            assertArrayEquals(want, got);
        }
    }

    @Test
    void transferToNamesAFileThatShrank() throws IOException {
        Path f = file(FileRangeInputStream.CHUNK * 2);
        try (FileRangeInputStream in = new FileRangeInputStream(f, 0, FileRangeInputStream.CHUNK * 2L)) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(FileRangeInputStream.CHUNK);
            }
            IOException e = assertThrows(IOException.class, () -> transferAll(in, 1 << 20));
            assertTrue(e.getMessage().contains("shrank"), e.getMessage());
        }
    }

    @Test
    void theChecksumPassSeesExactlyTheRange() throws IOException {
        int size = 3 * FileRangeInputStream.CHUNK + 12345;
        Path f = file(size);
        byte[] all = Files.readAllBytes(f);
        java.util.zip.CRC32C want = new java.util.zip.CRC32C();
        want.update(all, 17, 2 * FileRangeInputStream.CHUNK + 5);
        assertEquals(org.chunkedupload.api.Checksum.crc32c(want.getValue()), PartSources.checksum(
                new FileRangeInputStream(f, 17, 2L * FileRangeInputStream.CHUNK + 5),
                org.chunkedupload.api.ChecksumAlgorithm.CRC32C));
    }
}
