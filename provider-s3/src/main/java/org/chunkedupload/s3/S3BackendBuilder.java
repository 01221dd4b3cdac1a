package org.chunkedupload.s3;

import java.util.Map;
import java.util.Objects;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.spi.ProviderBackend;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens the S3 provider on what the application already has — its {@link S3Client}, or its
 * credentials provider and HTTP client — instead of settings strings alone:
 * <pre>
 * try (StorageBackend store = S3Provider.backendBuilder().client(myS3Client).build()) { ... }
 * </pre>
 * A backend closes only what it created: the application's client, credentials and HTTP client stay
 * open and remain the application's to close. Settings not covered by these objects ({@code
 * checksum-mode}, {@code payload-signing}, {@code pending-bytes}, and {@code endpoint}, {@code region}
 * and {@code path-style} when no client is given) come from {@link #settings}, exactly as from a
 * configuration file. With the application's client, its own retry and timeout configuration apply
 * to every request; the engine still retries a failed part alone.
 */
public final class S3BackendBuilder {
    private BackendConfig settings = BackendConfig.of(S3Provider.ID);
    private S3Client client;
    private AwsCredentialsProvider credentials;
    private SdkHttpClient httpClient;

    S3BackendBuilder() {
    }

    /**
     * @param value the S3 client every request is sent with (endpoint, region, credentials, retries
     *     and timeouts are its own); not closed by the backend
     * @return this builder
     */
    public S3BackendBuilder client(S3Client value) {
        this.client = Objects.requireNonNull(value, "client");
        return this;
    }

    /**
     * @param value credentials for the clients the backend builds (ignored with {@link #client})
     * @return this builder
     */
    public S3BackendBuilder credentials(AwsCredentialsProvider value) {
        this.credentials = Objects.requireNonNull(value, "credentials");
        return this;
    }

    /**
     * @param value the HTTP client for the clients the backend builds (ignored with {@link #client});
     *     not closed by the backend
     * @return this builder
     */
    public S3BackendBuilder httpClient(SdkHttpClient value) {
        this.httpClient = Objects.requireNonNull(value, "httpClient");
        return this;
    }

    /**
     * @param values settings of provider {@code s3}, as in a configuration file (see {@code providers})
     * @return this builder
     */
    public S3BackendBuilder settings(Map<String, String> values) {
        this.settings = BackendConfig.of(S3Provider.ID, values);
        return this;
    }

    /**
     * @return the backend, with every call checked by the API's guard; the caller closes it
     * @throws org.chunkedupload.api.ConfigurationException naming a setting that is invalid
     */
    public StorageBackend build() {
        BackendConfig c = settings;
        if (client != null && c.get("region").isEmpty()) {
            c = c.with("region", "us-east-1"); // unused: the application's client has its region
        }
        S3Settings s = S3Settings.from(c);
        if (credentials != null) {
            s = s.withCredentials(credentials);
        }
        return ProviderBackend.guard(S3Provider.ID, new S3Backend(s, client, httpClient));
    }
}
