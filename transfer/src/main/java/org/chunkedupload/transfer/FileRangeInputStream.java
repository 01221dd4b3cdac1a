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
 */
final class FileRangeInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long position;

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
        if (position >= end) {
            return -1;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("upload cancelled");
        }
        int want = (int) Math.min(len, end - position);
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
