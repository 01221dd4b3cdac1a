package org.chunkedupload.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A byte range of a local file, as the bytes of one part: a provider that declares
 * {@link Capabilities.Feature#FILE_COPY} copies it without passing the bytes through the JVM (a copy
 * inside the kernel), any other reads it like a body.
 *
 * @param file the file
 * @param offset where the range starts
 * @param length its number of bytes
 */
public record FileRange(Path file, long offset, long length) {
    /** Validates the fields. */
    public FileRange {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0, got " + offset + " and " + length);
        }
    }

    /**
     * @return a new stream over the range, reading the file at its positions (a descriptor of its own);
     *     it ends early if the file is shorter, which the API reports as an {@link IntegrityException}
     */
    public InputStream open() {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InputStream() {
            private long pos = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
                if (n > 0) {
                    pos += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }
}
