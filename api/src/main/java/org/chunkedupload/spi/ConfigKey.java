package org.chunkedupload.spi;

import java.util.Objects;

/**
 * A setting a provider understands.
 *
 * @param name the key, lower-case words joined by '-'
 * @param description what it does, including the default
 * @param defaultValue the default, or {@code null} when there is none
 * @param secret whether the value is a secret that must be masked in output and never logged
 */
public record ConfigKey(String name, String description, String defaultValue, boolean secret) {
    /** Validates the fields. */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
