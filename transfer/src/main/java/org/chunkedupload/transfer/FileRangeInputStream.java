package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import org.chunkedupload.api.ZeroCopySource;

/**
 * Reads one byte range of a file through a descriptor of its own (closed with the stream): parts read
 * in parallel then each read sequentially on their own descriptor, which keeps the kernel's
 * per-descriptor read-ahead working (on one shared descriptor, interleaved streams defeat it).
 *
 * <p>Small reads are served from a buffer filled {@value #CHUNK} bytes at a time: HTTP clients copy a
 * request body in 4 KiB reads (Apache's {@code InputStreamEntity}), which would otherwise cost one
 * system call each, 262,144 per GiB. Reads of at least a buffer's size go straight to the file.
 *
 * <p>As a {@link ZeroCopySource} it hands its range to a channel with {@link FileChannel#transferTo}:
 * to a socket that is {@code sendfile(2)}, and the bytes never enter the Java heap.
 */
final class FileRangeInputStream extends InputStream implements ZeroCopySource {
    static final int CHUNK = 256 * 1024;
    private final FileChannel channel;
    private final long end;
    private long position; // of the next byte the file gives (after what the buffer holds)
    private byte[] buffer;
    private int bufferPos;
    private int bufferEnd;

    FileRangeInputStream(Path file, long offset, long length) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (bufferPos < bufferEnd) {
            int n = Math.min(len, bufferEnd - bufferPos);
            System.arraycopy(buffer, bufferPos, b, off, n);
            bufferPos += n;
            return n;
        }
        if (atEnd()) {
            return -1;
        }
        if (len >= CHUNK || end - position <= len) { // large reads (and the last bytes) need no buffer
            return fill(b, off, (int) Math.min(len, end - position));
        }
        if (buffer == null) {
            buffer = new byte[(int) Math.min(CHUNK, end - position)];
        }
        bufferEnd = fill(buffer, 0, (int) Math.min(buffer.length, end - position));
        bufferPos = 0;
        return read(b, off, len);
    }

    /** @return whether the range is used up; throws when the upload was cancelled (this thread interrupted) */
    private boolean atEnd() throws InterruptedIOException {
        if (position >= end) {
            return true;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("upload cancelled");
        }
        return false;
    }

    @Override
    public boolean zeroCopy() {
        return true;
    }

    @Override
    public long transferTo(WritableByteChannel target, long max) throws IOException {
        if (bufferPos < bufferEnd) { // bytes a read already took from the file go first
            int n = target.write(ByteBuffer.wrap(buffer, bufferPos, (int) Math.min(max, bufferEnd - bufferPos)));
            bufferPos += n;
            return n;
        }
        if (atEnd()) {
            return -1;
        }
        long n = channel.transferTo(position, Math.min(max, end - position), target);
        if (n == 0 && channel.size() <= position) {
            throw shrank();
        }
        position += n;
        return n;
    }

    /**
     * Hands the remaining bytes to {@code sink} through a direct buffer of this thread's: one copy from
     * the page cache, where reading into a Java array costs two (the JDK reads into a direct buffer
     * and copies it into the array). For a checksum pass, whose {@link java.util.zip.CRC32C} reads a
     * direct buffer in place.
     *
     * @param sink receives each chunk (position to limit), and must consume it before returning
     * @throws IOException when the file cannot be read or shrank
     */
    void feed(java.util.function.Consumer<ByteBuffer> sink) throws IOException {
        if (bufferPos < bufferEnd) {
            sink.accept(ByteBuffer.wrap(buffer, bufferPos, bufferEnd - bufferPos));
            bufferPos = bufferEnd;
        }
        ByteBuffer direct = DIRECT.get();
        while (!atEnd()) {
            direct.clear().limit((int) Math.min(direct.capacity(), end - position));
            int n = channel.read(direct, position);
            if (n < 0) {
                throw shrank();
            }
            position += n;
            sink.accept(direct.flip());
        }
    }

    private static final ThreadLocal<ByteBuffer> DIRECT = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));

    private static IOException shrank() {
        return new IOException("the source file shrank while it was being uploaded; nothing was published:"
                + " upload it again once nothing writes to it");
    }

    private int fill(byte[] b, int off, int want) throws IOException {
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n < 0) {
            throw shrank();
        }
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
