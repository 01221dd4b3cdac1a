package org.chunkedupload.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.transfer.TransferListener;
import org.chunkedupload.transfer.Uploader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the toolkit when {@code chunked-upload.provider} is set: the
 * {@link ToolkitConfig} from the {@code chunked-upload.*} properties (the process environment's
 * {@code CHUNKED_UPLOAD_*} variables override them, as they override a file), the configured
 * {@link StorageBackend} (closed with the context), and an {@link Uploader} reporting to the
 * application's {@link TransferListener} beans — among them {@code TransferMetrics} on the
 * application's {@code MeterRegistry}, when Micrometer is present. A health indicator checks the
 * store when Spring Boot's health support is present. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "chunked-upload", name = "provider")
@EnableConfigurationProperties(ChunkedUploadProperties.class)
public class ChunkedUploadAutoConfiguration {

    /**
     * @param properties the bound {@code chunked-upload.*} properties
     * @param environment where the provider's own settings ({@code chunked-upload.<provider>.*}) are
     * @return the configuration, checked as a configuration file is
     */
    @Bean
    @ConditionalOnMissingBean
    public ToolkitConfig chunkedUploadConfig(ChunkedUploadProperties properties, Environment environment) {
        Map<String, String> keys = new LinkedHashMap<>(properties.fileKeys());
        String provider = properties.getProvider();
        Binder.get(environment).bind("chunked-upload." + provider, Bindable.mapOf(String.class, String.class))
                .ifBound(settings -> settings.forEach((k, v) -> keys.put(provider + "." + k, v)));
        return ToolkitConfig.of(keys, "the application's chunked-upload.* properties", System.getenv(),
                ProviderRegistry.load());
    }

    /**
     * @param config the configuration
     * @return the configured store; the context closes it
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public StorageBackend chunkedUploadBackend(ToolkitConfig config) {
        return config.openBackend();
    }

    /**
     * @param config the configuration
     * @param listeners the application's transfer listeners (metrics among them)
     * @return an uploader with the configured transfer settings
     */
    @Bean
    @ConditionalOnMissingBean
    public Uploader chunkedUploader(ToolkitConfig config, ObjectProvider<TransferListener> listeners) {
        TransferListener[] all = listeners.orderedStream().toArray(TransferListener[]::new);
        return config.transfer().uploaderBuilder()
                .listener(all.length == 0 ? TransferListener.NONE : all.length == 1 ? all[0] : TransferListener.all(all))
                .build();
    }

    /** Metrics, when the application has Micrometer (and this toolkit's binding for it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
            "org.chunkedupload.metrics.TransferMetrics"})
    static class Metrics {
        /**
         * @param registry the application's registry, if it has one
         * @return transfer metrics on it, or none
         */
        @Bean
        @ConditionalOnMissingBean(type = "org.chunkedupload.metrics.TransferMetrics")
        TransferListener chunkedUploadMetrics(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            io.micrometer.core.instrument.MeterRegistry r = registry.getIfAvailable();
            return r == null ? TransferListener.NONE : new org.chunkedupload.metrics.TransferMetrics(r);
        }
    }

    /** The health indicator, when the application has Spring Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {
        /**
         * @param backend the store
         * @param config the configuration (its bucket is probed)
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "chunkedUploadHealthIndicator")
        StoreHealthIndicator chunkedUploadHealthIndicator(StorageBackend backend, ToolkitConfig config) {
            return new StoreHealthIndicator(backend, config);
        }
    }
}
