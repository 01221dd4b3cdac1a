package org.chunkedupload.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.ZeroCopySource;

/**
 * Adds the bytes each read returns to a shared counter: one add per read call, not per byte; and
 * the bytes each {@link #transferTo} moves, when the stream it wraps is a {@link ZeroCopySource}.
 */
final class CountingInputStream extends FilterInputStream implements ZeroCopySource {
    private final LongAdder counter;

    CountingInputStream(InputStream in, LongAdder counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counter.increment();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter.add(n);
        }
        return n;
    }

    @Override
    public boolean zeroCopy() {
        return in instanceof ZeroCopySource z && z.zeroCopy();
    }

    @Override
    public long transferTo(WritableByteChannel target, long max) throws IOException {
        if (!(in instanceof ZeroCopySource z)) {
            throw new IllegalStateException("the part's source cannot be transferred unread");
        }
        long n = z.transferTo(target, max);
        if (n > 0) {
            counter.add(n);
        }
        return n;
    }
}
