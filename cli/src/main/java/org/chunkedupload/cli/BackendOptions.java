package org.chunkedupload.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.config.TransferSettings;
import org.chunkedupload.api.ProviderInfo;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to a store: a configuration file ({@code --config},
 * see {@link ToolkitConfig}), provider settings from {@code -o key=value}, and environment
 * variables {@code CHUNKED_UPLOAD_<PROVIDER>_<KEY>} (upper case, '-' as '_'). A command-line
 * setting wins over the environment, which wins over the file.
 */
final class BackendOptions {
    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "A provider setting, e.g. -o root=/data/store for fs. Repeatable. See 'providers'.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file: provider, its settings, bucket, transfer settings (see 'config show').")
    Path configFile;

    @Option(names = "--verbose", description = "Print stack traces on errors, and the toolkit's log lines (retries,"
            + " aborts, resume decisions) on stderr.")
    boolean verbose;

    @Option(names = "-vv", description = "Like --verbose, and the cloud SDKs' own log lines too.")
    boolean verySdkVerbose;

    /** The installed providers, discovered once per command; see {@link #registry()}. */
    private ProviderRegistry registry;
    /** The configuration, read and validated once per command; see {@link #config()}. */
    private ToolkitConfig config;
    private boolean configRead;

    /** @return the installed providers, discovered once per command */
    ProviderRegistry registry() {
        if (registry == null) {
            registry = PluginPath.registry(System.getenv(PluginPath.VARIABLE));
        }
        return registry;
    }

    /** @return the configuration from --config and the environment, or {@code null} when neither selects a provider */
    ToolkitConfig config() {
        if (!configRead) {
            Map<String, String> env = System.getenv();
            if (configFile != null || env.get("CHUNKED_UPLOAD_PROVIDER") != null) {
                config = ToolkitConfig.load(configFile, env, registry());
            }
            configRead = true;
        }
        return config;
    }

    /** @return the configured transfer settings, or the defaults */
    TransferSettings transferDefaults() {
        ToolkitConfig c = config();
        return c == null ? TransferSettings.DEFAULTS : c.transfer();
    }

    /**
     * @param target {@code scheme://bucket/key}, or a bare key resolved against the configured provider and bucket
     * @return the target
     */
    ObjectTarget target(String target) {
        if (target.contains("://")) {
            return ObjectTarget.parse(target);
        }
        ToolkitConfig c = config();
        if (c == null) {
            throw new IllegalArgumentException("'" + target + "' is not a target scheme://bucket/key; a bare key needs"
                    + " a configuration with provider and bucket (--config FILE)");
        }
        return c.target(target);
    }

    /** @return where the provider's settings point (endpoint, host or root), for messages; null when they name none */
    String endpoint(String providerId) {
        Map<String, String> s = backendConfig(providerId).settings();
        for (String k : new String[] {"endpoint", "host", "root"}) {
            if (s.get(k) != null) {
                return s.get(k);
            }
        }
        return null;
    }

    StorageBackend open(String providerId) {
        return registry().open(backendConfig(providerId));
    }

    /**
     * @param providerId the provider
     * @return its settings: the configuration (file, with the environment applied) when it selects
     *     this provider, else the provider's environment variables; then the -o options
     */
    BackendConfig backendConfig(String providerId) {
        ProviderInfo provider = registry().require(providerId);
        Map<String, String> merged = new LinkedHashMap<>();
        ToolkitConfig c = config();
        if (c != null && c.provider().equals(providerId)) {
            merged.putAll(c.backendConfig().settings());
        } else {
            merged.putAll(provider.settingsFrom(System.getenv()));
        }
        merged.putAll(settings);
        return BackendConfig.of(providerId, merged);
    }
}
