package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.LongConsumer;

/** Reads one byte range of a file with positional reads; many of these share one channel safely. */
final class FileRangeInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private final LongConsumer progress;
    private long position;

    FileRangeInputStream(FileChannel channel, long offset, long length, LongConsumer progress) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
        this.progress = progress;
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
        if (Thread.interrupted()) {
            throw new java.io.InterruptedIOException("upload cancelled");
        }
        int want = (int) Math.min(len, end - position);
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n < 0) {
            throw new IOException("the file shrank while it was being uploaded");
        }
        position += n;
        progress.accept(n);
        return n;
    }
}
