package org.chunkedupload.api;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * Implemented by a part body (an {@link java.io.InputStream}) whose bytes can move to a channel
 * inside the kernel, without being copied into the Java heap: a range of a local file sent to a
 * socket with {@code sendfile(2)} through {@link java.nio.channels.FileChannel#transferTo}. The
 * engine's file parts implement it; so may a caller's own part streams.
 *
 * <p>A provider may send a body that says {@link #zeroCopy()} with {@link #transferTo} instead of
 * reading it; each call moves the bytes a read of the same size would have returned next. Wrappers
 * (the engine's progress count, the API's checks) implement it too, and say {@link #zeroCopy()} only
 * when what they wrap can and they can do their work without seeing the bytes: the API's check
 * passes a part on unread only when the store verifies the part's CRC-32C itself, so a part whose
 * bytes changed after its checksum was computed is still refused.
 */
public interface ZeroCopySource {

    /** @return whether {@link #transferTo} may be used for the remaining bytes (otherwise read them) */
    boolean zeroCopy();

    /**
     * Moves up to {@code max} of the remaining bytes to {@code target}.
     *
     * @param target where the bytes go (blocking or not)
     * @param max the most bytes to move, at least 1
     * @return the number moved: 0 when a non-blocking {@code target} takes none now, -1 at the end
     * @throws IOException when the source cannot be read, ends before its declared length, or the
     *     target fails
     */
    long transferTo(WritableByteChannel target, long max) throws IOException;
}
