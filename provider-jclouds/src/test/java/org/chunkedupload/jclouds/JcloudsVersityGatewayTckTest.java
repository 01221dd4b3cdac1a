package org.chunkedupload.jclouds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.GoTool;
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
    static void start() throws Exception {
        Path exe = GoTool.ensure(System.getProperty("versitygw.module"));
        Path root = Files.createTempDirectory("versitygw-jclouds");
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("meta"));
        int port = LocalServer.freePort();
        server = LocalServer.start("versitygw", List.of(exe.toString(), "--port", "127.0.0.1:" + port, "posix",
                "--sidecar", root.resolve("meta").toString(), root.resolve("data").toString()),
                Map.of("ROOT_ACCESS_KEY", "test", "ROOT_SECRET_KEY", "test-secret"), port, Duration.ofMinutes(2));
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
