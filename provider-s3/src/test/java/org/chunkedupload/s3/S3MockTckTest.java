package org.chunkedupload.s3;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole kit against Adobe S3Mock, started on a free loopback port. */
class S3MockTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3Emulators.s3mock();
    }

    @AfterAll
    static void stop() {
        server.close();
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
    protected Map<String, String> deviations() {
        return Map.of("ABRT-06", "S3Mock 5.2.0 deletes the object already stored at a key when a multipart upload to"
                + " that key is aborted (reproduced with plain boto3: put_object, create/upload_part/abort -> HEAD 404)");
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
