package org.chunkedupload.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.spi.ConfigKey;
import org.chunkedupload.spi.StorageProvider;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to a store: provider settings from
 * {@code -o key=value} and from environment variables {@code CHUNKED_UPLOAD_<PROVIDER>_<KEY>}
 * (upper case, '-' as '_'); a command-line setting wins over the environment.
 */
final class BackendOptions {
    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "A provider setting, e.g. -o root=/data/store for fs. Repeatable. See 'providers'.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    StorageBackend open(String providerId) {
        return open(providerId, System.getenv());
    }

    StorageBackend open(String providerId, Map<String, String> env) {
        ProviderRegistry registry = ProviderRegistry.load();
        StorageProvider provider = registry.require(providerId);
        Map<String, String> merged = new LinkedHashMap<>();
        for (ConfigKey k : provider.configKeys()) {
            String var = "CHUNKED_UPLOAD_" + providerId.toUpperCase(Locale.ROOT) + "_"
                    + k.name().toUpperCase(Locale.ROOT).replace('-', '_');
            if (env.get(var) != null) {
                merged.put(k.name(), env.get(var));
            }
        }
        merged.putAll(settings);
        return registry.open(BackendConfig.of(providerId, merged));
    }
}
