package org.chunkedupload.jclouds;

import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * The Apache jclouds bridge, scheme {@code jclouds}: any jclouds blob store on the class path
 * ({@code transient}, {@code filesystem} and {@code s3} come with this module) behind the toolkit's
 * contract. jclouds' multipart support differs per store and is broken in places; the bridge declares
 * only what each store family gets right ({@link StoreKind}) and fences the rest ({@link JcloudsUpload}).
 * jclouds was retired to the Apache Attic in 2025: this module is optional and nothing else depends on it.
 */
public final class JcloudsProvider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "jclouds";

    /** Creates the provider; does no I/O and loads no jclouds class. */
    public JcloudsProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Apache jclouds blob stores (transient, filesystem, s3, ...), with jclouds' multipart defects fenced off";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return JcloudsSettings.KEYS;
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new JcloudsBackend(JcloudsSettings.from(config));
    }
}
