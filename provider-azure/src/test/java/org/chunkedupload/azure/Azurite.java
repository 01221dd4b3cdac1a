package org.chunkedupload.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.servers.LocalServer;
import org.chunkedupload.tck.servers.NpmTool;

/** Starts Azurite's blob service (installed with npm on first use) on a free loopback port, in memory. */
final class Azurite {
    static final String CONTAINER = "tck";
    /** Azurite's published development account; not a secret. */
    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite() {
    }

    static LocalServer start() {
        Path exe = NpmTool.ensure(System.getProperty("azurite.package"), "azurite-blob");
        int port = LocalServer.freePort();
        LocalServer s = LocalServer.start("azurite-blob", List.of(exe.toString(), "--blobHost", "127.0.0.1",
                "--blobPort", Integer.toString(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose",
                "--silent"), Map.of(), port, Duration.ofMinutes(1));
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
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + endpoint(s) + ";";
    }

    static BlobServiceClient client(LocalServer s) {
        return new BlobServiceClientBuilder().connectionString(connectionString(s)).buildClient();
    }

    static BackendConfig config(LocalServer s) {
        return BackendConfig.of("az", Map.of("connection-string", connectionString(s)));
    }
}
