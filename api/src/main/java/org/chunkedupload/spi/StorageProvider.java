package org.chunkedupload.spi;

import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ConfigurationException;

/**
 * A storage plugin, found through {@link java.util.ServiceLoader}. It must have a public no-argument
 * constructor that does no I/O; all work happens in {@link #open(BackendConfig)}.
 */
public interface StorageProvider {

    /**
     * @return the stable provider id, also the URI scheme of its targets ({@code fs}, {@code s3},
     *     {@code gs}, {@code az}); lower case
     */
    String id();

    /** @return a one-line human description */
    String description();

    /**
     * @return every setting {@link #open(BackendConfig)} understands; the registry rejects a
     *     configuration with any other key
     */
    List<ConfigKey> configKeys();

    /**
     * Creates a backend for one store.
     *
     * @param config the settings; only keys from {@link #configKeys()}
     * @return the backend; the caller closes it
     * @throws ConfigurationException when a setting is missing or invalid, naming the setting
     */
    ProviderBackend open(BackendConfig config);

    /**
     * @return what backends of this provider can do before any setting is known (a setting may narrow
     *     it: an open backend's {@code capabilities()} is authoritative), or empty when that cannot be
     *     said without settings; shown by {@code chunked-upload providers}
     */
    default java.util.Optional<org.chunkedupload.api.Capabilities> capabilities() {
        return java.util.Optional.empty();
    }
}
