package org.chunkedupload.jclouds;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole kit against S3Mock through jclouds' generic {@code s3} api and the bridge. */
class JcloudsS3MockTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = Emulators.s3mock(System.getProperty("s3mock.jar"), "tck");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("jclouds", Map.of("jclouds.provider", "s3", "endpoint", server.url(),
                "identity", "test", "credential", "test-secret"));
    }

    @Override
    protected String bucket() {
        return "tck";
    }

    @Override
    protected Map<String, String> deviations() {
        return Map.of("ABRT-06", "S3Mock 5.2.0 deletes the object already stored at a key when a multipart upload to"
                + " that key is aborted (the native s3 provider's kit declares the same; reproduced with curl:"
                + " PUT /b/k, POST /b/k?uploads, DELETE /b/k?uploadId=... -> GET /b/k 404)");
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
