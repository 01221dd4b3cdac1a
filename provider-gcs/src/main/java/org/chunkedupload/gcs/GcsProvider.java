package org.chunkedupload.gcs;

import java.util.List;
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

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new GcsBackend(GcsSettings.from(config));
    }
}
