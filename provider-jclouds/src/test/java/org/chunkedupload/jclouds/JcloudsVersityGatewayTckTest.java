package org.chunkedupload.jclouds;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole kit against versitygw (Versity's production S3 gateway, posix backend), which checks
 * signatures: through jclouds' {@code s3} api with Signature Version 4, set by a pass-through
 * property ({@code jclouds.s3.signer-version=4}).
 */
class JcloudsVersityGatewayTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = Emulators.versitygw(System.getProperty("versitygw.module"));
        JcloudsStores.createContainer(config(), "tck");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static BackendConfig config() {
        return BackendConfig.of("jclouds", Map.of("jclouds.provider", "s3", "endpoint", server.url(),
                "identity", "test", "credential", "test-secret", "jclouds.s3.signer-version", "4",
                "jclouds.regions", "us-east-1"));
    }

    @Override
    protected BackendConfig backendConfig() {
        return config();
    }

    @Override
    protected String bucket() {
        return "tck";
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
