package org.chunkedupload.spring;

import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks the configured store: one cheap listing of pending uploads under a probe prefix of the
 * configured bucket (reaching the store, the credentials and the bucket), without creating anything.
 * UP with the provider and bucket; DOWN with the toolkit's one-sentence message.
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {
    /** The key prefix probed: nothing of the application's lives under it. */
    static final String PROBE_PREFIX = ".chunked-upload-health/";

    private final StorageBackend backend;
    private final ToolkitConfig config;

    /**
     * @param backend the store
     * @param config the configuration (provider and bucket)
     */
    public StoreHealthIndicator(StorageBackend backend, ToolkitConfig config) {
        super("the store of chunked-upload cannot be reached");
        this.backend = backend;
        this.config = config;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("provider", backend.providerId());
        String bucket = config.bucket();
        if (bucket == null) {
            builder.up().withDetail("bucket", "(none configured: nothing to probe)");
            return;
        }
        try {
            backend.listPending(bucket, PROBE_PREFIX);
            builder.up().withDetail("bucket", bucket);
        } catch (RuntimeException e) {
            builder.down().withDetail("bucket", bucket).withDetail("error", String.valueOf(e.getMessage()));
        }
    }
}
