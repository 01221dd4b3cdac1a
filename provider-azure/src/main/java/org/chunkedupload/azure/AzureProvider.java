package org.chunkedupload.azure;

import java.util.List;
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

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new AzureBackend(AzureSettings.from(config));
    }
}
