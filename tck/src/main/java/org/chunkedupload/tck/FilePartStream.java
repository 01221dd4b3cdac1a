package org.chunkedupload.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import org.chunkedupload.api.ZeroCopySource;

/**
 * A part read from a file that a provider may send unread ({@link ZeroCopySource}), as the engine's
 * file parts are: rules PART-10 and PART-11 use it so that a provider moving such bodies by channel
 * transfer is checked on that path, and one that reads them on the ordinary one. A provider's own
 * tests of its zero-copy path may use it too.
 */
public final class FilePartStream extends InputStream implements ZeroCopySource {
    private final FileChannel channel;
    private long position;

    private FilePartStream(Path file) throws IOException {
        this.channel = FileChannel.open(file);
    }

    /**
     * @param file the part's bytes
     * @return a fresh stream over the whole file
     */
    public static FilePartStream open(Path file) {
        try {
            return new FilePartStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean zeroCopy() {
        return true;
    }

    @Override
    public long transferTo(WritableByteChannel target, long max) throws IOException {
        if (position >= channel.size()) {
            return -1;
        }
        long n = channel.transferTo(position, max, target);
        position += n;
        return n;
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
        int n = channel.read(ByteBuffer.wrap(b, off, len), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
