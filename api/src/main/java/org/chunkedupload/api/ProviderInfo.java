package org.chunkedupload.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chunkedupload.spi.StorageProvider;

/**
 * What a {@link ProviderRegistry} knows about one installed provider: its id (also the scheme of its
 * targets), a description and the settings it accepts. Immutable; two infos are equal when they
 * describe the same provider instance.
 */
public final class ProviderInfo {
    private final StorageProvider provider;
    private final List<ConfigKey> configKeys;

    private ProviderInfo(StorageProvider provider) {
        this.provider = provider;
        this.configKeys = List.copyOf(provider.configKeys());
    }

    /**
     * @param provider a provider
     * @return what it says about itself
     */
    public static ProviderInfo of(StorageProvider provider) {
        return new ProviderInfo(Objects.requireNonNull(provider, "provider"));
    }

    /** @return the provider id and target scheme ({@code fs}, {@code s3}, {@code gs}, {@code az}) */
    public String id() {
        return provider.id();
    }

    /** @return a one-line description */
    public String description() {
        return provider.description();
    }

    /** @return every setting the provider accepts */
    public List<ConfigKey> configKeys() {
        return configKeys;
    }

    /** @return what the provider's backends can do before settings narrow it, if the provider says */
    public java.util.Optional<Capabilities> capabilities() {
        return provider.capabilities();
    }

    /**
     * @param name a setting name
     * @return whether the provider accepts it
     */
    public boolean accepts(String name) {
        return key(name).isPresent();
    }

    /**
     * @param name a setting name
     * @return the key that admits it: the setting itself, else a namespace holding it
     */
    public java.util.Optional<ConfigKey> key(String name) {
        return configKeys.stream().filter(k -> k.name().equals(name)).findFirst()
                .or(() -> configKeys.stream().filter(k -> k.admits(name)).findFirst());
    }

    /**
     * @param env environment variables
     * @return the settings they give this provider: each {@link ConfigKey#environmentVariable} that is set
     *     (a namespace's settings come only from a file or the command line)
     */
    public Map<String, String> settingsFrom(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigKey k : configKeys) {
            if (k.isNamespace()) {
                continue;
            }
            String v = env.get(k.environmentVariable(id()));
            if (v != null) {
                out.put(k.name(), v);
            }
        }
        return out;
    }

    StorageProvider provider() {
        return provider;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderInfo i && i.provider == provider;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(provider);
    }

    @Override
    public String toString() {
        return id() + " (" + description() + ")";
    }
}
