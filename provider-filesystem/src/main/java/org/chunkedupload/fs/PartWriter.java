package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.chunkedupload.spi.PartContent;

/**
 * Writes one part into an upload's staging directory.
 *
 * <p>When the upload has a part-size hint {@code H} and this is the first upload of part {@code n}
 * with at most {@code H} bytes, the part is written straight into the shared {@code data} file at
 * offset {@code (n - 1) * H}: a complete of parts 1..k in order can then publish that file by
 * rename, without copying. The region is claimed first with an exclusive marker file, so each region
 * is written by one writer only, ever; a re-upload of the part goes to a file of its own instead.
 * Otherwise (no hint, a larger part, or a re-upload) the data goes into the part file after its header.
 *
 * <p>Durability (with {@code fsync}): the part's bytes and header are synced before the part file gets
 * its name, and the directory entry after, so a receipt is only returned for a part a power loss cannot
 * take back; the syncs go through the upload's {@link GroupSync}, so parts finished together share them.
 */
final class PartWriter {
    static final String DATA = "data";
    private static final int BUFFER = 1 << 20;

    private PartWriter() {
    }

    /**
     * @param syncs the upload's group sync, or {@code null} to leave the data to the page cache
     */
    static PartFile write(Path dir, PartContent part, long hint, GroupSync syncs) throws IOException {
        int n = part.partNumber();
        Path tmp = dir.resolve("tmp-" + Staging.randomId(8));
        try {
            PartFile header;
            if (hint > 0 && part.length() <= hint && n >= 1 && claimRegion(dir, n)) {
                long offset = (n - 1L) * hint;
                long crc;
                try (FileChannel data = FileChannel.open(dir.resolve(DATA), Set.of(StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                    crc = copy(part, data, offset);
                }
                header = new PartFile(n, Staging.randomId(12), part.length(), crc, offset);
                try (FileChannel ch = Staging.createOwnerOnly(tmp)) {
                    header.writeHeader(ch);
                }
                if (syncs != null) {
                    syncs.sync(List.of(dir.resolve(DATA), tmp));
                }
            } else {
                try (FileChannel ch = Staging.createOwnerOnly(tmp)) {
                    long crc = copy(part, ch, PartFile.HEADER);
                    header = new PartFile(n, Staging.randomId(12), part.length(), crc, -1);
                    header.writeHeader(ch);
                }
                if (syncs != null) {
                    syncs.sync(List.of(tmp));
                }
            }
            Files.move(tmp, dir.resolve(PartFile.fileName(n)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            if (syncs != null) {
                syncs.sync(List.of(dir)); // the part's name, before its receipt
            }
            return header;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean claimRegion(Path dir, int n) throws IOException {
        try {
            Files.createFile(dir.resolve("region-" + n), Staging.ownerOnlyFile());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Copies the body to {@code ch} at {@code pos} and returns its CRC-32C. (A caller's expected
     * checksum is verified by the API on the bytes handed over, before the last byte arrives.)
     */
    private static long copy(PartContent part, FileChannel ch, long pos) throws IOException {
        InputStream in = part.body();
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(part.length(), 1))];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long left = part.length();
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("part body ended early");
            }
            crc.update(buf, 0, r);
            bb.clear().limit(r);
            while (bb.hasRemaining()) {
                pos += ch.write(bb, pos);
            }
            left -= r;
        }
        return crc.getValue();
    }
}
