package org.chunkedupload.azure;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole kit against Azurite's blob service, started on a free loopback port, in memory. */
class AzuriteTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = Azurite.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected BackendConfig backendConfig() {
        return Azurite.config(server);
    }

    @Override
    protected String bucket() {
        return Azurite.CONTAINER;
    }

    @Override
    protected Map<String, String> deviations() {
        return Map.of();
    }

    @Override
    protected String faultProxyTarget() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    protected String requestTimeoutSetting() {
        return "read-timeout";
    }
}
