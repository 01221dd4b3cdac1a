package org.chunkedupload.s3;

import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole kit against versitygw, Versity's production S3 gateway (posix backend, sidecar
 * metadata), which checks SigV4 signatures, lists parts, verifies full-object CRC-32C and
 * evaluates conditional writes.
 */
class VersityGatewayTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = S3Emulators.versitygw();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BackendConfig backendConfig() {
        return S3Emulators.config(server);
    }

    @Override
    protected String bucket() {
        return S3Emulators.BUCKET;
    }

    @Override
    protected String faultProxyTarget() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    protected String requestTimeoutSetting() {
        return "socket-timeout";
    }
}
