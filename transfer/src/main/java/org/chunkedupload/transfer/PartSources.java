package org.chunkedupload.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;

/** Re-readable part bodies of a source of known size: every call opens the part afresh, so a retry re-reads it. */
interface PartSources {

    /**
     * @param offset byte offset in the source
     * @param length bytes
     * @return a fresh stream over that range
     */
    InputStream open(long offset, long length);

    /** Positional reads of a file, a descriptor per part; the file is never loaded whole. */
    static PartSources of(java.nio.file.Path file) {
        return (offset, length) -> {
            try {
                return new FileRangeInputStream(file, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Slices of an in-memory buffer; nothing is copied. */
    static PartSources of(ByteBuffer data) {
        ByteBuffer ro = data.asReadOnlyBuffer();
        return (offset, length) -> {
            ByteBuffer slice = ro.duplicate().position(ro.position() + (int) offset).limit(ro.position() + (int) (offset + length));
            if (slice.hasArray()) {
                return new ByteArrayInputStream(slice.array(), slice.arrayOffset() + slice.position(), slice.remaining());
            }
            return new InputStream() {
                @Override
                public int read() {
                    return slice.hasRemaining() ? slice.get() & 0xFF : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (!slice.hasRemaining()) {
                        return -1;
                    }
                    int n = Math.min(len, slice.remaining());
                    slice.get(b, off, n);
                    return n;
                }
            };
        };
    }

    /**
     * @param in the bytes
     * @param algorithm the algorithm
     * @return the checksum of everything {@code in} yields
     */
    static org.chunkedupload.api.Checksum checksum(InputStream in, ChecksumAlgorithm algorithm) {
        try (in) {
            switch (algorithm) {
                case CRC32C, CRC32 -> {
                    Checksum c = algorithm == ChecksumAlgorithm.CRC32C ? new CRC32C() : new CRC32();
                    feed(in, c::update);
                    long v = c.getValue();
                    byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
                    return new org.chunkedupload.api.Checksum(algorithm, Base64.getEncoder().encodeToString(b));
                }
                default -> {
                    MessageDigest md = MessageDigest.getInstance(algorithm == ChecksumAlgorithm.MD5 ? "MD5" : "SHA-256");
                    feed(in, md::update);
                    return new org.chunkedupload.api.Checksum(algorithm, Base64.getEncoder().encodeToString(md.digest()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands every byte of {@code in} to {@code sink}: a file range through a direct buffer (one copy), else 64 KiB reads. */
    private static void feed(InputStream in, java.util.function.Consumer<ByteBuffer> sink) throws IOException {
        if (in instanceof FileRangeInputStream file) {
            file.feed(sink);
            return;
        }
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            sink.accept(ByteBuffer.wrap(buf, 0, n));
        }
    }
}
