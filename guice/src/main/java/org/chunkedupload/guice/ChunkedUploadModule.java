package org.chunkedupload.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.transfer.Uploader;

/**
 * Binds what an application needs to upload, from configuration alone: the {@link ToolkitConfig},
 * the configured {@link StorageBackend} (a singleton; close it when the application stops, e.g.
 * through {@link #close}), and an {@link Uploader} with the configured transfer settings. Swapping
 * the configuration file swaps the vendor; the application code does not change.
 * <pre>
 * Injector injector = Guice.createInjector(ChunkedUploadModule.fromFile(Path.of("upload.properties")));
 * MyService service = injector.getInstance(MyService.class);   // &#64;Inject StorageBackend, Uploader
 * </pre>
 */
public final class ChunkedUploadModule extends AbstractModule {
    private final ToolkitConfig config;

    /** @param config the configuration to bind */
    public ChunkedUploadModule(ToolkitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param file a configuration file; the process environment overrides it
     * @return a module for it
     * @throws org.chunkedupload.api.ConfigurationException naming the key, for a bad file
     */
    public static ChunkedUploadModule fromFile(Path file) {
        return fromFile(file, System.getenv());
    }

    /**
     * @param file a configuration file
     * @param env the environment that overrides it
     * @return a module for it
     */
    public static ChunkedUploadModule fromFile(Path file, Map<String, String> env) {
        return new ChunkedUploadModule(ToolkitConfig.load(file, env, ProviderRegistry.load()));
    }

    @Override
    protected void configure() {
        bind(ToolkitConfig.class).toInstance(config);
    }

    /** @return the configured store, opened once (settings are validated here) */
    @Provides
    @Singleton
    StorageBackend backend() {
        return config.openBackend();
    }

    /** @return an uploader with the configured part size, concurrency, checksum and retries */
    @Provides
    @Singleton
    Uploader uploader() {
        return config.transfer().uploaderBuilder().build();
    }

    /**
     * Closes the backend if the injector created it.
     *
     * @param injector the injector built with this module
     */
    public static void close(com.google.inject.Injector injector) {
        injector.getInstance(StorageBackend.class).close();
    }
}
