package org.chunkedupload.azure;

import java.util.List;
import java.util.Map;
import com.azure.storage.blob.BlobServiceClient;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * Azure Blob Storage block blobs, scheme {@code az} ({@code az://container/blob}), on the Azure
 * Storage Blob SDK. Each part is a staged block ({@code Put Block}) and complete commits the block
 * list in part order ({@code Put Block List}). Azure has no server-side upload and no abort: an upload
 * record blob gives the upload its life, and abort discards the staged blocks where that is safe.
 * See {@link AzureNames} for the layout and {@link AzureBackend#CAPABILITIES} for what it promises.
 */
public final class AzureProvider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "az";

    /** Creates the provider; does no I/O. */
    public AzureProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Azure Blob Storage (staged blocks committed as a block list)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return AzureSettings.KEYS;
    }

    /**
     * Opens a backend on the application's own {@code BlobServiceClient} (its endpoint, credential,
     * HTTP client and retries apply, also to staged blocks); the backend holds no resource of its own
     * to close. The other settings ({@code temp-prefix}, {@code pending-bytes}) come from
     * {@code settings}, as from a configuration file.
     *
     * @param service the application's client
     * @param settings settings of provider {@code az}, possibly empty
     * @return the backend, with every call checked by the API's guard; the caller closes it
     */
    public static StorageBackend open(BlobServiceClient service, Map<String, String> settings) {
        java.util.Objects.requireNonNull(service, "service");
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.putIfAbsent("endpoint", service.getAccountUrl()); // unused for requests: the client has its own
        s.putIfAbsent("credentials", "default");
        return ProviderBackend.guard(ID, new AzureBackend(AzureSettings.from(BackendConfig.of(ID, s)),
                new AzureSettings.Clients(service, service)));
    }

    /**
     * Opens a backend whose clients (built by the backend) sign with the application's own token
     * credential, e.g. a managed identity's; {@code endpoint} and the other settings come from
     * {@code settings}.
     *
     * @param credential the application's credential
     * @param settings settings of provider {@code az}; {@code endpoint} is required
     * @return the backend, with every call checked by the API's guard; the caller closes it
     */
    public static StorageBackend open(com.azure.core.credential.TokenCredential credential, Map<String, String> settings) {
        java.util.Objects.requireNonNull(credential, "credential");
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.put("credentials", "default"); // the token credential takes the place of the default chain
        AzureSettings parsed = AzureSettings.from(BackendConfig.of(ID, s));
        return ProviderBackend.guard(ID, new AzureBackend(parsed, parsed.clients(credential)));
    }

    @Override
    public java.util.Optional<org.chunkedupload.api.Capabilities> capabilities() {
        return java.util.Optional.of(AzureBackend.CAPABILITIES);
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new AzureBackend(AzureSettings.from(config));
    }
}
