package org.chunkedupload.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ProviderInfo;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;

/**
 * The toolkit configuration every executor opens its store from, shipped with each task: either the
 * path of a configuration file present on every node (read there, so its secrets never travel), or
 * configuration keys without secrets (secrets then come from each executor's environment, e.g.
 * {@code CHUNKED_UPLOAD_S3_SECRET_ACCESS_KEY}). Immutable and serializable; holds no secret by
 * construction.
 */
public final class ExecutorConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    /** One open store per configuration and JVM, shared by the tasks an executor runs. */
    private static final Map<ExecutorConfig, StorageBackend> OPEN = new ConcurrentHashMap<>();

    private final String file;
    private final TreeMap<String, String> settings;

    private ExecutorConfig(String file, Map<String, String> settings) {
        this.file = file;
        this.settings = new TreeMap<>(settings);
    }

    /**
     * @param file a configuration file (as {@code --config} takes) at this path on every node
     * @return a configuration read on each executor
     */
    public static ExecutorConfig file(String file) {
        return new ExecutorConfig(file, Map.of());
    }

    /**
     * @param settings configuration keys and values, as in a configuration file ({@code provider},
     *     {@code bucket}, {@code s3.endpoint}, {@code part-size}, ...), without secrets
     * @return a configuration shipped with each task
     * @throws ConfigurationException naming a secret setting, and where to put it instead
     */
    public static ExecutorConfig of(Map<String, String> settings) {
        ProviderRegistry registry = ProviderRegistry.load();
        for (String key : settings.keySet()) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String provider = key.substring(0, dot);
            String name = key.substring(dot + 1);
            ProviderInfo info = registry.find(provider).orElse(null);
            ConfigKey k = info == null ? null
                    : info.configKeys().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (k != null && k.secret()) {
                throw new ConfigurationException("setting '" + key + "' is a secret, and a Spark job's settings travel"
                        + " with every task: set " + k.environmentVariable(provider) + " in each executor's environment"
                        + " (e.g. spark.executorEnv." + k.environmentVariable(provider) + ", which Spark redacts), or use"
                        + " ExecutorConfig.file with a configuration file present on every node");
            }
        }
        ExecutorConfig c = new ExecutorConfig(null, settings);
        c.load(); // a bad key fails on the driver, before any task runs
        return c;
    }

    /** @return the configuration, read here (on an executor: its file and its environment) */
    ToolkitConfig load() {
        ProviderRegistry registry = ProviderRegistry.load();
        return file != null ? ToolkitConfig.load(Path.of(file), System.getenv(), registry)
                : ToolkitConfig.of(settings, "the Spark job's settings", System.getenv(), registry);
    }

    /** @return this JVM's open store for this configuration (opened on first use, closed at exit) */
    StorageBackend backend() {
        return OPEN.computeIfAbsent(this, c -> {
            StorageBackend b = c.load().openBackend();
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "chunked-upload-spark-close"));
            return b;
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutorConfig c && java.util.Objects.equals(file, c.file) && settings.equals(c.settings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(file, settings);
    }

    @Override
    public String toString() {
        return file != null ? "configuration file " + file : "settings " + settings.keySet();
    }
}
