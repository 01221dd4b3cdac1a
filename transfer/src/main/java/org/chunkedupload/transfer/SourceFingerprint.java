package org.chunkedupload.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cheap identity of a source file: size, modification time and a SHA-256 over 16 samples of
 * 4 KiB spread evenly across the file (first and last bytes included). A journal stores it so that
 * a resume refuses a file that changed since the upload began.
 *
 * @param size the size in bytes
 * @param modifiedMillis the modification time in milliseconds
 * @param sample hex SHA-256 of the samples
 */
record SourceFingerprint(long size, long modifiedMillis, String sample) {
    private static final int SAMPLES = 16;
    private static final int SAMPLE_BYTES = 4096;

    /**
     * The fingerprint of an upload source, refusing a source whose size cannot be trusted: not a
     * regular file, or a file that yields more bytes than its size says (/proc files report 0).
     *
     * @throws IllegalArgumentException as a sentence naming the file and the fix
     */
    static SourceFingerprint ofSource(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new IllegalArgumentException(file + " is not a regular file (a directory, device or pipe):"
                        + " give a file, or pipe the bytes to 'put -'");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.read(ByteBuffer.allocate(1), a.size()) > 0) {
                    throw new IllegalArgumentException(file + " says it holds " + a.size() + " bytes but more can be read"
                            + " from it (a /proc or sysfs file?): its size cannot be trusted; copy it to a regular file"
                            + " first, or pipe it to 'put -'");
                }
            }
            return of(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file + "; check the path", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + file + ": permission denied; check its permissions", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + "); check the file", e);
        }
    }

    /** @return what differs between this fingerprint and a later one, in words */
    String difference(SourceFingerprint later) {
        if (size != later.size) {
            return "its size went from " + size + " to " + later.size + " bytes";
        }
        if (modifiedMillis != later.modifiedMillis) {
            return "its modification time changed";
        }
        return "its content changed";
    }

    static SourceFingerprint of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = a.size();
        ByteBuffer buf = ByteBuffer.allocate(SAMPLE_BYTES);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < SAMPLES && size > 0; i++) {
                long pos = Math.max(0, Math.min(size - SAMPLE_BYTES, (size - SAMPLE_BYTES) * i / (SAMPLES - 1)));
                buf.clear();
                while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                    // positional read until the sample is full or the file ends
                }
                md.update(buf.array(), 0, buf.position());
            }
        }
        return new SourceFingerprint(size, a.lastModifiedTime().toMillis(), HexFormat.of().formatHex(md.digest()));
    }
}
