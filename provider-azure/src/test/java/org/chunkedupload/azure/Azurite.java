package org.chunkedupload.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.testsupport.Emulators;

/** Starts Azurite's blob service (installed with npm on first use) on a free loopback port, in memory. */
final class Azurite {
    static final String CONTAINER = "tck";
    static final String ACCOUNT = Emulators.AZURITE_ACCOUNT;
    static final String KEY = Emulators.AZURITE_KEY;

    private Azurite() {
    }

    static LocalServer start() {
        LocalServer s = Emulators.azurite(System.getProperty("azurite.package"));
        try {
            client(s).createBlobContainerIfNotExists(CONTAINER);
        } catch (RuntimeException e) {
            s.close();
            throw new IllegalStateException("could not create container " + CONTAINER + " on Azurite: " + e, e);
        }
        return s;
    }

    static String endpoint(LocalServer s) {
        return s.url() + "/" + ACCOUNT;
    }

    static String connectionString(LocalServer s) {
        return Emulators.azuriteConnectionString(s);
    }

    static BlobServiceClient client(LocalServer s) {
        return new BlobServiceClientBuilder().connectionString(connectionString(s)).buildClient();
    }

    static BackendConfig config(LocalServer s) {
        return BackendConfig.of("az", Map.of("connection-string", connectionString(s)));
    }
}
