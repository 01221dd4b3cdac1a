package org.chunkedupload.gcs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the session record of an upload holds, so that any process can complete it: the target
 * key, and the content type and metadata the final object gets. Stored as a small properties
 * text; no credentials or part data.
 *
 * @param key the target key
 * @param contentType the final object's content type, or {@code null}
 * @param metadata the final object's custom metadata
 */
record GcsSession(String key, String contentType, Map<String, String> metadata) {
    private static final String META = "metadata.";

    GcsSession {
        metadata = Map.copyOf(metadata);
    }

    byte[] encode() {
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

    static GcsSession decode(byte[] data) {
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
        return new GcsSession(key, p.getProperty("content-type"), meta);
    }
}
