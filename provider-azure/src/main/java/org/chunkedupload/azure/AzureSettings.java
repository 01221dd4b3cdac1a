package org.chunkedupload.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ConfigKey;

/**
 * The settings of the Azure provider, and the clients built from them. Credentials come from a
 * connection string, an account key, a SAS token, or the default Azure credential chain; secrets
 * are never logged or written anywhere, and {@link #toString()} masks them.
 *
 * @param endpoint the blob service URL, or {@code null} when the connection string has it
 * @param connectionString a connection string, or {@code null}
 * @param accountName the account name for a shared key, or {@code null}
 * @param accountKey the account key, or {@code null}
 * @param sasToken a SAS token, or {@code null}
 * @param credentials how to authenticate: connection-string, shared-key, sas or default
 * @param tempPrefix the blob-name prefix of upload records and empty-part markers
 * @param pendingBytes whether {@code listPending} sums the bytes each upload holds
 * @param connectTimeout connect timeout
 * @param readTimeout read and response timeout
 */
record AzureSettings(String endpoint, String connectionString, String accountName, String accountKey, String sasToken,
                     String credentials, String tempPrefix, boolean pendingBytes, Duration connectTimeout,
                     Duration readTimeout) {

    static final String DEFAULT_PREFIX = ".chunked-uploads/";

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("endpoint", "blob service URL, e.g. https://ACCOUNT.blob.core.windows.net or"
                    + " http://127.0.0.1:10000/devstoreaccount1 for Azurite (default: from the connection string)",
                    null, false),
            new ConfigKey("connection-string", "a storage connection string (holds the account key: keep it in"
                    + " the environment, not in a file)", null, true),
            new ConfigKey("account-name", "account name for shared-key authentication (default: from the endpoint)",
                    null, false),
            new ConfigKey("account-key", "account key for shared-key authentication", null, true),
            new ConfigKey("sas-token", "a SAS token with read, write, list and delete permission", null, true),
            new ConfigKey("credentials", "connection-string, shared-key, sas or default (the default Azure"
                    + " credential chain: environment, managed identity, Azure CLI, ...); default: the first of"
                    + " these whose setting is present", null, false),
            new ConfigKey("temp-prefix", "blob-name prefix of upload records", DEFAULT_PREFIX, false),
            new ConfigKey("pending-bytes", "listPending also sums the bytes each upload holds (one block listing"
                    + " per upload)", "true", false),
            ConfigKey.CONNECT_TIMEOUT,
            ConfigKey.READ_TIMEOUT);

    static AzureSettings from(BackendConfig c) {
        String endpoint = c.getUrl("endpoint", "https://ACCOUNT.blob.core.windows.net").orElse(null);
        String cs = c.get("connection-string").orElse(null);
        String key = c.get("account-key").orElse(null);
        String sas = c.get("sas-token").orElse(null);
        String credentials = c.get("credentials").orElse(cs != null ? "connection-string" : key != null ? "shared-key"
                : sas != null ? "sas" : "default");
        String name = c.get("account-name").orElse(endpoint == null ? null : accountOf(endpoint));
        switch (credentials) {
            case "connection-string" -> require(cs, "connection-string", credentials);
            case "shared-key" -> {
                require(key, "account-key", credentials);
                require(name, "account-name", credentials);
                require(endpoint, "endpoint", credentials);
            }
            case "sas", "default" -> {
                if (credentials.equals("sas")) {
                    require(sas, "sas-token", credentials);
                }
                require(endpoint, "endpoint", credentials);
            }
            default -> throw new ConfigurationException("setting 'credentials' of provider az must be"
                    + " connection-string, shared-key, sas or default, got '" + credentials + "'");
        }
        String prefix = c.get("temp-prefix").orElse(DEFAULT_PREFIX);
        if (prefix.isEmpty() || !prefix.endsWith("/") || prefix.startsWith("/") || prefix.length() > 200) {
            throw new ConfigurationException("setting 'temp-prefix' of provider az must be a non-empty blob-name"
                    + " prefix ending in '/' (at most 200 characters), got '" + prefix + "'");
        }
        return new AzureSettings(endpoint, cs, name, key, sas, credentials, prefix, c.getBoolean("pending-bytes", true),
                c.getDuration("connect-timeout", Duration.ofSeconds(10)), c.getDuration("read-timeout", Duration.ofSeconds(30)));
    }

    /** @return the account name in an endpoint: the first DNS label, or the first path segment (emulators) */
    private static String accountOf(String endpoint) {
        URI u = URI.create(endpoint);
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+", "");
        if (!path.isEmpty()) {
            return path.split("/")[0];
        }
        String host = u.getHost();
        return host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
    }

    private static void require(String value, String key, String credentials) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("provider az with credentials '" + credentials + "' needs setting '"
                    + key + "'");
        }
    }

    /**
     * The two clients of a backend, sharing one HTTP connection pool and one credential.
     *
     * @param service for metadata calls, retried by the SDK
     * @param staging for Put Block: part bodies stream once, so the SDK must not retry (the engine
     *     retries the part from its source)
     */
    record Clients(BlobServiceClient service, BlobServiceClient staging) {
    }

    /** @return the clients for these settings */
    Clients clients() {
        return clients(null);
    }

    /**
     * @param credential the application's credential (e.g. a managed identity's), or null for what the
     *     settings name
     * @return the clients for these settings, signing with that credential when one is given
     */
    Clients clients(TokenCredential credential) {
        HttpClient http = HttpClient.createDefault(new HttpClientOptions().setConnectTimeout(connectTimeout)
                .setReadTimeout(readTimeout).setResponseTimeout(readTimeout));
        TokenCredential chain = credential != null ? credential
                : credentials.equals("default") ? new DefaultAzureCredentialBuilder().build() : null;
        return new Clients(client(http, chain, 3), client(http, chain, 1));
    }

    private BlobServiceClient client(HttpClient http, TokenCredential chain, int maxTries) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder().httpClient(http)
                // at most 3 tries, 1 s then 2 s apart (the SDK's default is 4 tries from 4 s apart): a silent server
                // fails a call within about three read timeouts
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxTries, (Duration) null,
                        Duration.ofSeconds(1), Duration.ofSeconds(8), null));
        switch (credentials) {
            case "connection-string" -> {
                b.connectionString(connectionString);
                if (endpoint != null) {
                    b.endpoint(endpoint);
                }
            }
            case "shared-key" -> b.endpoint(endpoint).credential(new StorageSharedKeyCredential(accountName, accountKey));
            case "sas" -> b.endpoint(endpoint).credential(new AzureSasCredential(sasToken));
            default -> b.endpoint(endpoint).credential(chain);
        }
        try {
            return b.buildClient();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationException("provider az cannot build a client from its settings: "
                    + e.getMessage() + " (check 'endpoint' and the " + credentials + " credentials)", e);
        }
    }

    @Override
    public String toString() {
        return "AzureSettings[endpoint=" + endpoint + ", credentials=" + credentials + ", account-name=" + accountName
                + ", temp-prefix=" + tempPrefix + ", secrets masked]";
    }
}
