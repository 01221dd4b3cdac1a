package org.chunkedupload.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Test data from which a wrong order or a lost part is detectable: byte {@code i} of part {@code n}
 * depends on both {@code n} and {@code i}, so two parts never share content and a shifted part
 * never matches.
 */
public final class Payloads {
    private Payloads() {
    }

    /**
     * @param partNumber the part number
     * @param size the size
     * @return the bytes of that part
     */
    public static byte[] part(int partNumber, int size) {
        byte[] b = new byte[size];
        int seed = partNumber * 0x9E3779B1;
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ((seed >>> 24) ^ (i * 31) ^ (i >>> 8) ^ partNumber);
        }
        return b;
    }

    /**
     * @param parts byte arrays in object order
     * @return hex SHA-256 of their concatenation
     */
    public static String sha256(List<byte[]> parts) {
        MessageDigest md = sha();
        parts.forEach(md::update);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * @param in a stream, read to its end and closed
     * @return hex SHA-256 of its bytes
     */
    public static String sha256(InputStream in) {
        MessageDigest md = sha();
        byte[] buf = new byte[1 << 16];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
