package org.chunkedupload.azure;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chunkedupload.spi.UploadRecord;

/**
 * Names of everything an upload leaves in a container, and the block ids it stages. With the
 * default prefix {@code .chunked-uploads/}:
 * <pre>
 * .chunked-uploads/&lt;id&gt;.session             upload record blob: target, content type, metadata
 * .chunked-uploads/&lt;id&gt;/e00007-&lt;stamp&gt;       marker of an empty part (Azure has no empty blocks)
 * block id (Base64 of 55 ASCII bytes)     &lt;id&gt;-&lt;part, 5 digits&gt;-&lt;stamp, 16 hex digits&gt;
 * </pre>
 * Every block id the provider stages has the same decoded length (55 bytes), on every blob and in
 * every staging, so no upload is ever poisoned by another's ids ({@code InvalidBlobOrBlock}). The
 * id (128 random bits) makes the blocks of two uploads to one blob distinct; the stamp (time in
 * milliseconds and a counter) makes every staging of a part distinct, so a replaced part and a
 * stale receipt can be told apart: the part's current block is the one with the greatest stamp.
 *
 * @param prefix the configured prefix, ending in {@code /}
 */
record AzureNames(String prefix) {
    /** Metadata name on upload records holding the URL-encoded target blob name (a C# identifier). */
    static final String META_KEY = "chunkeduploadkey";
    /** Decoded length of every block id. */
    static final int BLOCK_ID_LENGTH = 55;
    private static final Pattern BLOCK = Pattern.compile("([0-9a-f]{32})-(\\d{5})-([0-9a-f]{16})");
    private static final Pattern EMPTY = Pattern.compile("e(\\d{5})-([0-9a-f]{16})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    /** A staged block or empty-part marker of an upload. */
    record Block(String uploadId, int partNumber, String stamp) {
    }

    /**
     * @return a stamp greater than every earlier stamp of this process: milliseconds since the
     *     epoch in the high bits, so that stamps of different processes order by time too
     */
    static String newStamp() {
        long candidate = System.currentTimeMillis() << 16 | (RANDOM.nextInt() & 0xff);
        long stamp = LAST_STAMP.accumulateAndGet(candidate, (last, c) -> Math.max(last + 1, c));
        return String.format("%016x", stamp);
    }

    static String blockId(String uploadId, int partNumber, String stamp) {
        String raw = String.format("%s-%05d-%s", uploadId, partNumber, stamp);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the block a Base64 block id names, or {@code null} for a block of another writer */
    static Block parseBlockId(String base64) {
        String raw;
        try {
            raw = new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Matcher m = BLOCK.matcher(raw);
        return m.matches() ? new Block(m.group(1), Integer.parseInt(m.group(2)), m.group(3)) : null;
    }

    String record(String uploadId) {
        return UploadRecord.objectName(prefix, uploadId);
    }

    /** @return the prefix of the upload's empty-part markers */
    String temporaries(String uploadId) {
        return prefix + uploadId + "/";
    }

    String emptyPart(String uploadId, int partNumber, String stamp) {
        return String.format("%se%05d-%s", temporaries(uploadId), partNumber, stamp);
    }

    /** @return the empty part a marker's name stands for, or {@code null} for any other name */
    Block parseEmptyPart(String uploadId, String name) {
        String p = temporaries(uploadId);
        if (!name.startsWith(p)) {
            return null;
        }
        Matcher m = EMPTY.matcher(name.substring(p.length()));
        return m.matches() ? new Block(uploadId, Integer.parseInt(m.group(1)), m.group(2)) : null;
    }

    /** @return the upload id of an upload record's name, or {@code null} for any other name */
    String uploadIdOfRecord(String name) {
        return UploadRecord.uploadIdOf(prefix, name);
    }

    /** @return whether a user's blob name would collide with the toolkit's own blobs */
    boolean isReserved(String key) {
        return key.startsWith(prefix);
    }

    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    static String decodeKey(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
