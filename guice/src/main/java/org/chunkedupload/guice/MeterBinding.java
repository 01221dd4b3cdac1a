package org.chunkedupload.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.chunkedupload.metrics.TransferMetrics;
import org.chunkedupload.transfer.TransferListener;

/**
 * Installed by {@link ChunkedUploadModule} only when Micrometer is on the class path: the default
 * transfer listener is {@link TransferMetrics} on the application's {@link MeterRegistry} when one is
 * bound (e.g. {@code bind(MeterRegistry.class).toInstance(registry)}), else none.
 */
final class MeterBinding extends AbstractModule {
    private final OptionalBinder<TransferListener> listener;

    MeterBinding(OptionalBinder<TransferListener> listener) {
        this.listener = listener;
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class);
        listener.setDefault().toProvider(MetricsListener.class);
    }

    /** The listener: metrics on the bound registry, or none. */
    static final class MetricsListener implements Provider<TransferListener> {
        private final Optional<MeterRegistry> registry;

        @Inject
        MetricsListener(Optional<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public TransferListener get() {
            return registry.<TransferListener>map(TransferMetrics::new).orElse(TransferListener.NONE);
        }
    }
}
