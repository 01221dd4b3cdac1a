package org.chunkedupload.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.transfer.TransferListener;
import org.chunkedupload.transfer.Uploader;

/**
 * Binds what an application needs to upload, from configuration alone: the {@link ToolkitConfig},
 * the configured {@link StorageBackend} (a singleton; close it when the application stops, e.g.
 * through {@link #close}), and an {@link Uploader} with the configured transfer settings, reporting
 * to the application's {@link TransferListener} when it binds one (through
 * {@code OptionalBinder.newOptionalBinder(binder(), TransferListener.class).setBinding()}), else to
 * Micrometer when {@code chunked-upload-metrics-micrometer} is on the class path and a
 * {@code MeterRegistry} is bound. Swapping
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
        // an application may bind its own TransferListener; with Micrometer and a bound MeterRegistry
        // (and no listener of its own) transfers are measured by TransferMetrics
        OptionalBinder<TransferListener> listener = OptionalBinder.newOptionalBinder(binder(), TransferListener.class);
        if (micrometerPresent()) {
            install(new MeterBinding(listener));
        }
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, ChunkedUploadModule.class.getClassLoader());
            Class.forName("org.chunkedupload.metrics.TransferMetrics", false, ChunkedUploadModule.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the configured store, opened once (settings are validated here) */
    @Provides
    @Singleton
    StorageBackend backend() {
        return config.openBackend();
    }

    /**
     * @param listener the bound transfer listener, if any
     * @return an uploader with the configured part size, concurrency, checksum and retries
     */
    @Provides
    @Singleton
    Uploader uploader(Optional<TransferListener> listener) {
        return config.transfer().uploaderBuilder().listener(listener.orElse(TransferListener.NONE)).build();
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
