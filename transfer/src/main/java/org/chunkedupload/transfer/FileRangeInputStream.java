package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one byte range of a file through a descriptor of its own (closed with the stream): parts read
 * in parallel then each read sequentially on their own descriptor, which keeps the kernel's
 * per-descriptor read-ahead working (on one shared descriptor, interleaved streams defeat it).
 *
 * <p>Small reads are served from a buffer filled {@value #CHUNK} bytes at a time: HTTP clients copy a
 * request body in 4 KiB reads (Apache's {@code InputStreamEntity}), which would otherwise cost one
 * system call each, 262,144 per GiB. Reads of at least a buffer's size go straight to the file.
 */
final class FileRangeInputStream extends InputStream {
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
        if (position >= end) {
            return -1;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("upload cancelled");
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

    private int fill(byte[] b, int off, int want) throws IOException {
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n < 0) {
            throw new IOException("the source file shrank while it was being uploaded; nothing was published:"
                    + " upload it again once nothing writes to it");
        }
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
