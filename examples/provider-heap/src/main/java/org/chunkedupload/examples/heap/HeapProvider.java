package org.chunkedupload.examples.heap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * An example plugin: scheme {@code heap}, a store that lives in the JVM's heap, for the unit tests
 * of applications built on the toolkit. Step 1 of writing a provider: the {@link StorageProvider}
 * names the scheme, documents its settings and opens backends. It is found through
 * {@code META-INF/services/org.chunkedupload.spi.StorageProvider}.
 *
 * <p>Backends opened with the same {@code store} name share their data, as clients of one
 * server do; that is what lets a handle resume in a fresh backend.
 */
public final class HeapProvider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "heap";
    private static final Map<String, HeapStore> STORES = new ConcurrentHashMap<>();

    /** Creates the provider; ServiceLoader needs a public no-argument constructor. */
    public HeapProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "in-heap store for application tests (example plugin)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(new ConfigKey("store", "name of the in-heap store; backends with one name share data", "default",
                false), new ConfigKey("max-bytes", "capacity of the store in bytes", "268435456", false));
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        String name = config.get("store").orElse("default");
        long max;
        try {
            max = Long.parseLong(config.get("max-bytes").orElse("268435456"));
        } catch (NumberFormatException e) {
            throw new org.chunkedupload.api.ConfigurationException("setting 'max-bytes' of provider heap must be a"
                    + " number of bytes, got '" + config.get("max-bytes").orElse("") + "'", e);
        }
        return new HeapBackend(STORES.computeIfAbsent(name, n -> new HeapStore(max)));
    }
}
