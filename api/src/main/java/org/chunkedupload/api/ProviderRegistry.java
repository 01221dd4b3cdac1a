package org.chunkedupload.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.chunkedupload.guard.GuardedBackend;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * The installed storage providers, keyed by id. A registry is an ordinary object (there is no
 * global state): create one with {@link #load()} or {@link #load(ClassLoader)}, which use
 * {@link ServiceLoader}, or with {@link #of(StorageProvider...)} for an explicit set.
 *
 * <p>Selection is deterministic: a provider registered explicitly with {@link #with(StorageProvider)}
 * wins over a discovered one with the same id; a provider jar that fails to load is reported by
 * {@link #loadErrors()} without hiding the others; two discovered providers claiming one id make
 * that id ambiguous, and asking for it fails with a message naming both. Immutable and thread-safe.
 */
public final class ProviderRegistry {
    private final Map<String, StorageProvider> providers;
    private final List<String> loadErrors;

    private ProviderRegistry(Map<String, StorageProvider> providers, List<String> loadErrors) {
        this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
        this.loadErrors = List.copyOf(loadErrors);
    }

    /** @return the providers visible to the context class loader (or this class's loader) */
    public static ProviderRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : ProviderRegistry.class.getClassLoader());
    }

    /**
     * Discovers providers with {@link ServiceLoader}; on the module path, providers declared with
     * {@code provides} are found as well.
     *
     * @param classLoader the loader to search
     * @return the registry
     */
    public static ProviderRegistry load(ClassLoader classLoader) {
        Map<String, List<StorageProvider>> byId = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        Iterator<StorageProvider> it = ServiceLoader.load(StorageProvider.class, classLoader).iterator();
        for (int guard = 0; guard < 10_000; guard++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                StorageProvider p = it.next();
                byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors.add("a storage provider failed to load and was skipped: " + e);
            }
        }
        Map<String, StorageProvider> chosen = new LinkedHashMap<>();
        byId.forEach((id, list) -> {
            if (list.size() == 1) {
                chosen.put(id, list.get(0));
            } else {
                errors.add("provider id '" + id + "' is claimed by " + list.stream().map(p -> p.getClass().getName())
                        .collect(Collectors.joining(" and ")) + ": keep one jar on the class path, or register one"
                        + " explicitly with ProviderRegistry.with(provider)");
            }
        });
        return new ProviderRegistry(chosen, errors);
    }

    /**
     * @param explicit the providers
     * @return a registry holding exactly these providers
     * @throws IllegalArgumentException when two have the same id
     */
    public static ProviderRegistry of(StorageProvider... explicit) {
        ProviderRegistry r = new ProviderRegistry(Map.of(), List.of());
        Set<String> seen = new TreeSet<>();
        for (StorageProvider p : explicit) {
            if (!seen.add(p.id())) {
                throw new IllegalArgumentException("two providers with id '" + p.id() + "'");
            }
            r = r.with(p);
        }
        return r;
    }

    /**
     * @param provider a provider to register; it replaces any provider with the same id
     * @return a new registry
     */
    public ProviderRegistry with(StorageProvider provider) {
        Map<String, StorageProvider> m = new TreeMap<>(providers);
        m.put(Objects.requireNonNull(provider.id(), "provider id"), provider);
        List<String> errors = loadErrors.stream()
                .filter(e -> !e.startsWith("provider id '" + provider.id() + "'")).toList();
        return new ProviderRegistry(m, errors);
    }

    /** @return the providers, sorted by id */
    public List<ProviderInfo> providers() {
        return providers.values().stream().map(ProviderInfo::of).toList();
    }

    /** @return problems met while discovering providers; empty when all loaded */
    public List<String> loadErrors() {
        return loadErrors;
    }

    /**
     * @param id a provider id
     * @return the provider, if installed and unambiguous
     */
    public Optional<ProviderInfo> find(String id) {
        return Optional.ofNullable(providers.get(id)).map(ProviderInfo::of);
    }

    /**
     * @param id a provider id
     * @return the provider
     * @throws ConfigurationException naming the installed providers when there is none with that id
     */
    public ProviderInfo require(String id) {
        StorageProvider p = providers.get(id);
        if (p != null) {
            return ProviderInfo.of(p);
        }
        StringBuilder sb = new StringBuilder("unknown storage provider '").append(id).append("': installed providers are ")
                .append(providers.isEmpty() ? "none" : String.join(", ", providers.keySet()));
        for (String e : loadErrors) {
            sb.append("; ").append(e);
        }
        sb.append(" (add the provider's jar, e.g. chunked-upload-provider-").append(id).append(", to the class path;"
                + " for the CLI, name its plugin directory in CHUNKED_UPLOAD_PLUGIN_PATH)");
        return throwConfig(sb.toString());
    }

    private static ProviderInfo throwConfig(String message) {
        throw new ConfigurationException(message);
    }

    /**
     * Opens a backend. Every setting is checked against the provider's {@link StorageProvider#configKeys()}
     * first.
     *
     * @param config the provider id and its settings
     * @return the backend; the caller closes it
     * @throws ConfigurationException for an unknown provider, an unknown setting, or a provider that cannot start
     */
    public StorageBackend open(BackendConfig config) {
        ProviderInfo info = require(config.provider());
        StorageProvider p = info.provider();
        Set<String> known = p.configKeys().stream().map(ConfigKey::name).collect(Collectors.toCollection(TreeSet::new));
        for (String key : config.settings().keySet()) {
            if (!info.accepts(key)) {
                throw new ConfigurationException("unknown setting '" + key + "' for provider " + p.id()
                        + ": known settings are " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        ProviderBackend backend;
        try {
            backend = p.open(config);
        } catch (ChunkedUploadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException("provider " + p.id() + " could not start: " + e.getMessage(), e);
        }
        return new GuardedBackend(p.id(), backend);
    }

    @Override
    public String toString() {
        return "ProviderRegistry" + providers.keySet();
    }
}
