package org.chunkedupload.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration of one backend: the provider id and that provider's settings as strings.
 * Immutable. {@link #toString()} masks every value whose key looks secret, so a configuration can
 * be logged safely.
 */
public final class BackendConfig {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(secret|password|token|credential|sas|connection-string|access-key|account-key).*");

    private final String provider;
    private final Map<String, String> settings;

    private BackendConfig(String provider, Map<String, String> settings) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * @param provider the provider id
     * @param settings the provider's settings
     * @return the configuration
     */
    public static BackendConfig of(String provider, Map<String, String> settings) {
        return new BackendConfig(provider, settings);
    }

    /**
     * @param provider the provider id
     * @return a configuration with no settings (every setting at its default)
     */
    public static BackendConfig of(String provider) {
        return new BackendConfig(provider, Map.of());
    }

    /**
     * @param key a setting name
     * @param value its value
     * @return a copy with the setting added or replaced
     */
    public BackendConfig with(String key, String value) {
        Map<String, String> m = new TreeMap<>(settings);
        m.put(key, value);
        return new BackendConfig(provider, m);
    }

    /** @return the provider id */
    public String provider() {
        return provider;
    }

    /** @return every setting, unmodifiable, sorted by key */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * @param key a setting name
     * @return its value, when set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * @param key a setting name
     * @param dflt the value when the setting is absent
     * @return the setting as a boolean ({@code true}/{@code false}, also {@code yes}/{@code no}, {@code 1}/{@code 0})
     * @throws ConfigurationException naming the setting and the provider, for any other value
     */
    public boolean getBoolean(String key, boolean dflt) {
        String v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigurationException("setting '" + key + "' of provider " + provider
                    + " must be true or false, got '" + v + "'");
        };
    }

    /**
     * @param key a setting name
     * @param dflt the value when the setting is absent
     * @return the setting as a positive whole number
     * @throws ConfigurationException naming the setting and the provider, for any other value
     */
    public int getPositiveInt(String key, int dflt) {
        String v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("setting '" + key + "' of provider " + provider
                + " must be a positive integer, got '" + v + "'");
    }

    /**
     * A duration setting in the grammar of {@link Durations} ({@code 500ms}, {@code 30s}, {@code 2m},
     * {@code 1h}); a bare number means seconds.
     *
     * @param key a setting name
     * @param dflt the value when the setting is absent
     * @return the setting as a positive duration
     * @throws ConfigurationException naming the setting and the provider, for any other value
     */
    public java.time.Duration getDuration(String key, java.time.Duration dflt) {
        String v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            java.time.Duration d = v.trim().matches("\\d{1,9}") ? java.time.Duration.ofSeconds(Long.parseLong(v.trim()))
                    : Durations.parse(v);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigurationException("setting '" + key + "' of provider " + provider
                + " must be a positive duration such as 500ms, 30s or 2m, got '" + v + "'");
    }

    /**
     * A URL setting, such as a provider's endpoint.
     *
     * @param key a setting name
     * @param example a valid value, shown when the setting is not a URL
     * @return the setting without trailing slashes, or empty when it is absent
     * @throws ConfigurationException naming the setting, the provider and the example, when the value
     *     has no scheme or no host
     */
    public Optional<String> getUrl(String key, String example) {
        String v = settings.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            java.net.URI u = java.net.URI.create(v);
            if (u.getScheme() != null && u.getHost() != null) {
                return Optional.of(v.replaceAll("/+$", ""));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigurationException("setting '" + key + "' of provider " + provider + " is not a URL: " + v
                + " (e.g. " + example + ")");
    }

    /**
     * @param key a setting name
     * @return whether the value of such a key is masked in output
     */
    public static boolean isSecretKey(String key) {
        return SECRET.matcher(key).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendConfig c && provider.equals(c.provider) && settings.equals(c.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, settings);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((k, v) -> shown.put(k, isSecretKey(k) ? "****" : v));
        return "BackendConfig[provider=" + provider + ", settings=" + shown + "]";
    }
}
