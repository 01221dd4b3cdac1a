package org.chunkedupload.spi;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.jspecify.annotations.Nullable;

/**
 * The upload record of a store that has no server-side upload (GCS compose, Azure block
 * lists): what any process needs to complete an upload, that is the target key and the content
 * type and metadata the final object gets. A provider keeps it in a small object of its own, e.g.
 * under a hidden prefix, and treats the record's existence as the upload being open. Encoded as
 * properties text in UTF-8; it holds no credentials and no part data.
 *
 * @param key the target key
 * @param options the final object's properties (content type, metadata, encoding, cache control,
 *     storage class, tags, provider options); the part size hint is not kept
 */
public record UploadRecord(String key, UploadOptions options) {
    private static final String META = "metadata.";
    private static final String TAG = "tag.";
    private static final String OPTION = "option.";
    private static final String NAME_SUFFIX = ".session";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keeps the object's properties only. */
    public UploadRecord {
        java.util.Objects.requireNonNull(key, "key");
        options = options.toBuilder().partSizeHint(0).build();
    }

    /** @return the final object's content type, or {@code null} */
    public @Nullable String contentType() {
        return options.contentType();
    }

    /** @return the final object's custom metadata */
    public Map<String, String> metadata() {
        return options.metadata();
    }

    /** @return the record as UTF-8 properties text */
    public byte[] encode() {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("key", key);
        put(p, "content-type", options.contentType());
        put(p, "content-encoding", options.contentEncoding());
        put(p, "cache-control", options.cacheControl());
        put(p, "storage-class", options.storageClass());
        options.metadata().forEach((k, v) -> p.setProperty(META + k, v));
        options.tags().forEach((k, v) -> p.setProperty(TAG + k, v));
        options.providerOptions().forEach((k, v) -> p.setProperty(OPTION + k, v));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void put(Properties p, String name, String value) {
        if (value != null) {
            p.setProperty(name, value);
        }
    }

    /**
     * @param data bytes produced by {@link #encode()}
     * @return the record
     * @throws IllegalArgumentException when the bytes hold no key
     */
    public static UploadRecord decode(byte[] data) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = p.getProperty("key");
        if (key == null) {
            throw new IllegalArgumentException("upload record without a key");
        }
        UploadOptions.Builder b = UploadOptions.builder().contentType(p.getProperty("content-type"))
                .contentEncoding(p.getProperty("content-encoding")).cacheControl(p.getProperty("cache-control"))
                .storageClass(p.getProperty("storage-class"));
        for (String name : new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
            if (name.startsWith(META)) {
                b.putMetadata(name.substring(META.length()), p.getProperty(name));
            } else if (name.startsWith(TAG)) {
                b.putTag(name.substring(TAG.length()), p.getProperty(name));
            } else if (name.startsWith(OPTION)) {
                b.putProviderOption(name.substring(OPTION.length()), p.getProperty(name));
            }
        }
        return new UploadRecord(key, b.build());
    }

    /** @return a new upload id: 32 random hexadecimal digits, for a store that names uploads itself */
    public static String newUploadId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * @param id a string
     * @return whether it has the shape of {@link #newUploadId()}: a handle with any other id is refused
     *     before it can name an object
     */
    public static boolean isUploadId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * @param handle the upload
     * @param operation what was tried, as for {@link UploadHandle#describe}
     * @param recordName where the upload record was looked for
     * @return the failure of an operation on an upload whose record is gone
     */
    public static NoSuchUploadException gone(UploadHandle handle, String operation, String recordName) {
        return new NoSuchUploadException(handle.describe(operation) + ": the upload was completed, aborted, or never"
                + " existed (no upload record " + recordName + ")");
    }

    /**
     * @param prefix the provider's prefix for its own objects, ending in {@code /}
     * @param uploadId the upload id
     * @return the object name of the upload's record: {@code <prefix><id>.session} (the suffix
     *     predates the name "upload record" and is kept so that uploads begun earlier stay listed)
     */
    public static String objectName(String prefix, String uploadId) {
        return prefix + uploadId + NAME_SUFFIX;
    }

    /**
     * @param prefix the provider's prefix for its own objects
     * @param name an object name
     * @return the upload id when {@code name} is an upload record's {@link #objectName}, else {@code null}
     */
    public static @Nullable String uploadIdOf(String prefix, String name) {
        if (!name.startsWith(prefix) || !name.endsWith(NAME_SUFFIX)) {
            return null;
        }
        String id = name.substring(prefix.length(), name.length() - NAME_SUFFIX.length());
        return isUploadId(id) ? id : null;
    }

    /**
     * Refuses a key under the provider's own prefix, where a user's object would collide with upload
     * records and temporary parts.
     *
     * @param providerId the provider, for the message
     * @param prefix its prefix for its own objects (setting {@code temp-prefix})
     * @param key the user's key
     * @throws org.chunkedupload.api.InvalidTargetException naming the key, the prefix and the fix
     */
    public static void checkUserKey(String providerId, String prefix, String key) {
        if (key.startsWith(prefix)) {
            throw new org.chunkedupload.api.InvalidTargetException("key '" + key + "' lies under '" + prefix
                    + "', where provider " + providerId + " keeps upload records: choose another key or set"
                    + " 'temp-prefix'");
        }
    }
}
