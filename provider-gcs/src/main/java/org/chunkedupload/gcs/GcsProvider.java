package org.chunkedupload.gcs;

import java.util.List;
import java.util.Map;
import com.google.cloud.storage.Storage;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * Google Cloud Storage, scheme {@code gs}, on the Google Cloud Storage client (JSON API). GCS has
 * no server-side upload: each part is a temporary object, and complete joins them with
 * {@code compose} (at most 32 sources per call, so in a tree), then deletes them. See
 * {@link GcsNames} for the object layout and {@link GcsSettings} for the settings.
 */
public final class GcsProvider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "gs";

    /** Creates the provider; does no I/O. */
    public GcsProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Google Cloud Storage (temporary part objects joined with compose)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return GcsSettings.KEYS;
    }

    /**
     * Opens a backend on the application's own {@code Storage} client (its host, credentials, project
     * and retries apply); the backend never closes it. The other settings ({@code temp-prefix},
     * {@code concurrency}, {@code pending-bytes}) come from {@code settings}, as from a configuration file.
     *
     * @param storage the application's client
     * @param settings settings of provider {@code gs}, possibly empty
     * @return the backend, with every call checked by the API's guard; the caller closes it
     */
    public static StorageBackend open(Storage storage, Map<String, String> settings) {
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.putIfAbsent("credentials", "none"); // unused: the application's client has its own
        java.util.Objects.requireNonNull(storage, "storage");
        return ProviderBackend.guard(ID, new GcsBackend(GcsSettings.from(BackendConfig.of(ID, s)), storage, storage, false));
    }

    /**
     * Opens a backend whose clients (built and closed by the backend) sign with the application's own
     * credentials, e.g. {@code GoogleCredentials} of a workload identity; the other settings
     * ({@code host}, {@code project}, {@code temp-prefix}, ...) come from {@code settings}.
     *
     * @param credentials the application's credentials
     * @param settings settings of provider {@code gs}, possibly empty
     * @return the backend, with every call checked by the API's guard; the caller closes it
     */
    public static StorageBackend open(com.google.auth.Credentials credentials, Map<String, String> settings) {
        java.util.Objects.requireNonNull(credentials, "credentials");
        GcsSettings s = GcsSettings.from(BackendConfig.of(ID, settings));
        return ProviderBackend.guard(ID, new GcsBackend(s, s.client(true, credentials), s.client(false, credentials),
                true));
    }

    @Override
    public java.util.Optional<org.chunkedupload.api.Capabilities> capabilities() {
        return java.util.Optional.of(GcsBackend.CAPABILITIES);
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new GcsBackend(GcsSettings.from(config));
    }
}
