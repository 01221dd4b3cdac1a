package org.chunkedupload.s3;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole kit against moto (python3 -m moto.server), started on a free loopback port. */
class MotoTckTest extends ChunkedUploadTck {
    private static LocalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3Emulators.moto();
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
        String http500 = "moto 5.2.1 answers HTTP 500 (KeyError in moto/s3/models.py %s) instead of 404 NoSuchUpload"
                + " for an upload that was aborted or completed";
        return Map.of(
                "ABRT-04", http500.formatted("upload_part"),
                "ABRT-05", http500.formatted("complete_multipart_upload"),
                "COMP-17", http500.formatted("upload_part"),
                "COND-03", "moto 5.2.1 ignores If-Match on CompleteMultipartUpload (it checks If-None-Match only;"
                        + " provider-semantics.md 4.1) and replaces the object",
                "PEND-01", "moto 5.2.1 reports every upload's Initiated time as 2010-11-10T20:48:33Z",
                "PART-11", "moto 5.2.1 does not verify a part's x-amz-checksum-crc32c (responses.py upload_part stores"
                        + " the body unchecked), so a part sent unread is stored whatever its bytes; the engine's file"
                        + " uploads still refuse a source that changed, by its fingerprint, before complete");
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
