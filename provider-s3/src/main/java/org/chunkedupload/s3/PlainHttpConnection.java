package org.chunkedupload.s3;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One plain-HTTP/1.1 connection of {@link ZeroCopyHttpClient}: a non-blocking socket channel waited
 * on with its own selector, so that every wait (connecting, the server taking bytes, its answer) has
 * a time limit and a cancelled upload's interrupt ends it.
 */
final class PlainHttpConnection implements Closeable {
    private static final int MAX_LINE = 16 * 1024;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    /** Bytes read and not yet consumed, in read mode (position: next byte; limit: end of data). */
    private final ByteBuffer in = ByteBuffer.allocate(MAX_LINE).flip();
    private long idleSince;
    private boolean reused;
    private boolean answered;

    private PlainHttpConnection(SocketChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
    }

    /**
     * @param host the server's host
     * @param port its port
     * @param timeout the longest wait for the connection
     * @return the connection
     * @throws IOException when the server cannot be reached in time
     */
    static PlainHttpConnection open(String host, int port, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open();
        Selector sel = null;
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            sel = Selector.open();
            PlainHttpConnection c = new PlainHttpConnection(ch, sel);
            if (!ch.connect(new InetSocketAddress(host, port))) {
                c.await(SelectionKey.OP_CONNECT, timeout, "connect to " + host + ":" + port);
                ch.finishConnect();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
    }

    SocketChannel channel() {
        return channel;
    }

    /** @return whether this connection served an earlier request */
    boolean reused() {
        return reused;
    }

    /** @return whether the server sent any byte for the current request */
    boolean answered() {
        return answered;
    }

    /** Marks the connection idle in the pool. */
    void idle() {
        idleSince = System.nanoTime();
        reused = true;
        answered = false;
    }

    /**
     * @param maxIdle the longest a pooled connection may have been idle
     * @return whether it may carry another request: not idle too long, and the server has neither
     *     closed it nor sent anything unasked
     */
    boolean usable(Duration maxIdle) {
        if (System.nanoTime() - idleSince > maxIdle.toNanos() || in.hasRemaining()) {
            return false;
        }
        try {
            ByteBuffer probe = ByteBuffer.allocate(1);
            return channel.read(probe) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes all of {@code b}, waiting at most {@code timeout} each time the server takes nothing. */
    void write(ByteBuffer b, Duration timeout) throws IOException {
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                awaitWritable(timeout);
            }
        }
    }

    /** Waits until the socket takes bytes again. */
    void awaitWritable(Duration timeout) throws IOException {
        await(SelectionKey.OP_WRITE, timeout, "send to the server");
    }

    /**
     * Reads more of the server's bytes.
     *
     * @param timeout the longest silence
     * @param failOnTimeout whether silence is an error (else the call returns false)
     * @return false at the end of the stream, or on silence when {@code failOnTimeout} is false
     */
    boolean fill(Duration timeout, boolean failOnTimeout) throws IOException {
        in.compact();
        try {
            if (!in.hasRemaining()) {
                throw new IOException("the server sent a line longer than " + MAX_LINE + " bytes");
            }
            while (true) {
                int n = channel.read(in);
                if (n < 0) {
                    return false;
                }
                if (n > 0) {
                    answered = true;
                    return true;
                }
                if (!ready(SelectionKey.OP_READ, timeout)) {
                    if (failOnTimeout) {
                        throw new SocketTimeoutException("the server sent nothing for "
                                + org.chunkedupload.api.Durations.human(timeout));
                    }
                    return false;
                }
            }
        } finally {
            in.flip();
        }
    }

    /** @return the next line (without its CR LF), read within {@code timeout} of silence */
    String readLine(Duration timeout) throws IOException {
        while (true) {
            for (int i = in.position(); i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    int end = i > in.position() && in.get(i - 1) == '\r' ? i - 1 : i;
                    String line = new String(in.array(), in.position(), end - in.position(), StandardCharsets.ISO_8859_1);
                    in.position(i + 1);
                    return line;
                }
            }
            if (!fill(timeout, true)) {
                throw new IOException("the server closed the connection in the middle of its answer");
            }
        }
    }

    /** @return whether a byte is buffered or arrives within {@code timeout} (false also at the end of the stream) */
    boolean hasInput(Duration timeout) throws IOException {
        return in.hasRemaining() || fill(timeout, false);
    }

    /** Reads exactly {@code n} bytes into {@code out} at {@code off}. */
    void readFully(byte[] out, int off, int n, Duration timeout) throws IOException {
        while (n > 0) {
            if (!in.hasRemaining() && !fill(timeout, true)) {
                throw new IOException("the server closed the connection in the middle of its answer");
            }
            int k = Math.min(n, in.remaining());
            in.get(out, off, k);
            off += k;
            n -= k;
        }
    }

    /** @return the next bytes up to {@code max}, or an empty array at the end of the stream */
    byte[] readSome(int max, Duration timeout) throws IOException {
        if (!in.hasRemaining() && !fill(timeout, true)) {
            return new byte[0];
        }
        byte[] b = new byte[Math.min(max, in.remaining())];
        in.get(b);
        return b;
    }

    private void await(int op, Duration timeout, String what) throws IOException {
        if (!ready(op, timeout)) {
            throw new SocketTimeoutException("could not " + what + " within "
                    + org.chunkedupload.api.Durations.human(timeout));
        }
    }

    private boolean ready(int op, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        key.interestOps(op);
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("upload cancelled");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (selector.select(Math.max(1, left / 1_000_000)) > 0) {
                    selector.selectedKeys().clear();
                    return true;
                }
            }
        } finally {
            key.interestOps(0);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to save
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing: nothing to save
        }
    }
}
