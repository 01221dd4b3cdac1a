package org.chunkedupload.spi;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The session record of a store that has no server-side upload session (GCS compose, Azure block
 * lists): what any process needs to complete an upload, that is the target key and the content
 * type and metadata the final object gets. A provider keeps it in a small object of its own, e.g.
 * under a hidden prefix, and treats the record's existence as the upload being open. Encoded as
 * properties text in UTF-8; it holds no credentials and no part data.
 *
 * @param key the target key
 * @param contentType the final object's content type, or {@code null}
 * @param metadata the final object's custom metadata
 */
public record SessionRecord(String key, String contentType, Map<String, String> metadata) {
    private static final String META = "metadata.";

    /** Copies the metadata. */
    public SessionRecord {
        metadata = Map.copyOf(metadata);
    }

    /** @return the record as UTF-8 properties text */
    public byte[] encode() {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("key", key);
        if (contentType != null) {
            p.setProperty("content-type", contentType);
        }
        metadata.forEach((k, v) -> p.setProperty(META + k, v));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param data bytes produced by {@link #encode()}
     * @return the record
     * @throws IllegalArgumentException when the bytes hold no key
     */
    public static SessionRecord decode(byte[] data) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> meta = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(META)) {
                meta.put(name.substring(META.length()), p.getProperty(name));
            }
        }
        String key = p.getProperty("key");
        if (key == null) {
            throw new IllegalArgumentException("session record without a key");
        }
        return new SessionRecord(key, p.getProperty("content-type"), meta);
    }
}
