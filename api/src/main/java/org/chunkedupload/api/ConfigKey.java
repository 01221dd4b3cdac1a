package org.chunkedupload.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A setting a provider understands.
 *
 * @param name the key: lower-case words joined by '-' (a provider may group keys with '.', e.g.
 *     {@code jclouds.provider}); or a namespace {@code prefix.*} that admits every setting starting
 *     with {@code prefix.}, for a provider that passes a library's own properties through (see
 *     {@link #admits(String)})
 * @param description what it does, including the default
 * @param defaultValue the default, or {@code null} when there is none
 * @param secret whether the value is a secret that must be masked in output and never logged
 */
public record ConfigKey(String name, String description, @Nullable String defaultValue, boolean secret) {
    /** The connect timeout of a provider on an HTTP client (a duration, default 10 s). */
    public static final ConfigKey CONNECT_TIMEOUT = new ConfigKey("connect-timeout",
            "connect timeout (a duration: 500ms, 10s, 1m)", "10s", false);
    /** The longest silence of the server within one request, for a provider on an HTTP client (default 30 s). */
    public static final ConfigKey READ_TIMEOUT = new ConfigKey("read-timeout",
            "longest silence of the server within one request (a duration)", "30s", false);

    /** Validates the fields. */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** @return whether this key is a namespace ({@code prefix.*}) rather than one setting */
    public boolean isNamespace() {
        return name.endsWith(".*");
    }

    /**
     * @param setting a setting name
     * @return whether this key is that setting, or a namespace holding it ({@code jclouds.*} admits
     *     {@code jclouds.so-timeout} but not {@code jclouds.} alone)
     */
    public boolean admits(String setting) {
        if (!isNamespace()) {
            return name.equals(setting);
        }
        String prefix = name.substring(0, name.length() - 1);
        return setting.length() > prefix.length() && setting.startsWith(prefix);
    }

    /**
     * @param providerId the provider that declares this key
     * @return the environment variable that sets it: {@code CHUNKED_UPLOAD_<PROVIDER>_<KEY>}, upper
     *     case, '-' and '.' as '_' (e.g. {@code CHUNKED_UPLOAD_S3_SECRET_KEY}); a namespace has none
     */
    public String environmentVariable(String providerId) {
        return "CHUNKED_UPLOAD_" + providerId.toUpperCase(java.util.Locale.ROOT) + "_"
                + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
