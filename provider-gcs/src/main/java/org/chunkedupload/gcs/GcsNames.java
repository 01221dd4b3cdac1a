package org.chunkedupload.gcs;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.chunkedupload.spi.UploadRecord;

/**
 * Where an upload lives in the bucket. With the default prefix {@code .chunked-uploads/}:
 * <pre>
 * .chunked-uploads/&lt;id&gt;.session          the upload record (target key, content type, metadata)
 * .chunked-uploads/&lt;id&gt;/p00001 .. p10000  one temporary object per part number
 * .chunked-uploads/&lt;id&gt;/c&lt;nonce&gt;-&lt;level&gt;-&lt;n&gt;   intermediate composites of one complete call
 * </pre>
 * The id is 128 random bits in hex, so two uploads never share a name, and every temporary of an
 * upload sits under one prefix: one listing finds them all, and one lifecycle rule on the prefix
 * is the backstop for uploads nobody aborts.
 *
 * @param prefix the configured prefix, ending in {@code /}
 */
record GcsNames(String prefix) {
    static final String DEFAULT_PREFIX = ".chunked-uploads/";
    /** Custom metadata on upload records and parts: the key the upload writes. */
    static final String META_KEY = "chunked-upload-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newNonce() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String record(String uploadId) {
        return UploadRecord.objectName(prefix, uploadId);
    }

    /** @return the prefix of every temporary object of the upload */
    String temporaries(String uploadId) {
        return prefix + uploadId + "/";
    }

    String partsPrefix(String uploadId) {
        return temporaries(uploadId) + "p";
    }

    String part(String uploadId, int partNumber) {
        return String.format("%s%05d", partsPrefix(uploadId), partNumber);
    }

    String intermediate(String uploadId, String nonce, int level, int index) {
        return temporaries(uploadId) + "c" + nonce + "-" + level + "-" + index;
    }

    /** @return the part number of a part object's name, or empty for any other name */
    OptionalInt partNumber(String uploadId, String name) {
        String p = partsPrefix(uploadId);
        if (!name.startsWith(p) || name.length() != p.length() + 5) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(name.substring(p.length())));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** @return the upload id of an upload record's name, or {@code null} for any other name */
    String uploadIdOfRecord(String name) {
        return UploadRecord.uploadIdOf(prefix, name);
    }

    /** @return the upload id of a temporaries prefix ({@code <prefix><id>/}), or {@code null} */
    String uploadIdOfTemporaries(String name) {
        if (!name.startsWith(prefix) || !name.endsWith("/")) {
            return null;
        }
        String id = name.substring(prefix.length(), name.length() - 1);
        return UploadRecord.isUploadId(id) ? id : null;
    }
}
