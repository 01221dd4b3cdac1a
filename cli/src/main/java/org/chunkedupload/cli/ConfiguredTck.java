package org.chunkedupload.cli;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;

/**
 * The kit bound to whatever backend {@code chunked-upload tck} was given. JUnit instantiates it,
 * so the backend travels through static fields set just before the launcher runs (one run at a
 * time per JVM).
 */
public class ConfiguredTck extends ChunkedUploadTck {
    private static volatile BackendConfig config;
    private static volatile String bucket;
    private static volatile Map<String, String> deviations = Map.of();

    /** Created by JUnit. */
    public ConfiguredTck() {
    }

    static void bind(BackendConfig backend, String bucketName, Map<String, String> knownDeviations) {
        config = backend;
        bucket = bucketName;
        deviations = Map.copyOf(knownDeviations);
    }

    @Override
    protected Map<String, String> deviations() {
        return deviations;
    }

    @Override
    protected BackendConfig backendConfig() {
        return config;
    }

    @Override
    protected String bucket() {
        return bucket;
    }
}
