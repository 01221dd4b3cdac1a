package org.chunkedupload.s3;

import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * Amazon S3 and S3-compatible stores, scheme {@code s3}, on the AWS SDK for Java v2 (synchronous
 * client, Apache HTTP client). Each upload is an S3 multipart upload; see
 * {@link S3Settings} for the settings.
 */
public final class S3Provider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "s3";

    /** Creates the provider; does no I/O. */
    public S3Provider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Amazon S3 and S3-compatible stores (multipart upload, AWS SDK for Java v2)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return S3Settings.KEYS;
    }

    /**
     * @return a builder of a backend on the application's own {@code S3Client}, or its credentials
     *     provider and HTTP client
     */
    public static S3BackendBuilder backendBuilder() {
        return new S3BackendBuilder();
    }

    @Override
    public java.util.Optional<org.chunkedupload.api.Capabilities> capabilities() {
        return java.util.Optional.of(S3Backend.CAPABILITIES);
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new S3Backend(S3Settings.from(config));
    }
}
