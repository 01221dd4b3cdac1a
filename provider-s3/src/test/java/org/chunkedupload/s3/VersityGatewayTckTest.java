package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.tck.Payloads;
import org.chunkedupload.transfer.Uploader;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Beyond the kit: the engine's file parts reach this server by sendfile, and arrive whole. */
    @Test
    void filePartsOfTheEngineGoBySendfile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("src"), Payloads.part(7, (11 << 20) + 3));
        S3Backend s3 = new S3Backend(S3Settings.from(backendConfig()));
        ZeroCopyHttpClient http = assertInstanceOf(ZeroCopyHttpClient.class, s3.ownHttp());
        try (StorageBackend store = ProviderBackend.guard(S3Provider.ID, s3)) {
            ObjectTarget target = ObjectTarget.parse("s3://" + S3Emulators.BUCKET + "/zero-copy/src");
            Uploader.builder().partSize(5L << 20).concurrency(2).build().upload(store, file, target);
            assertEquals(Files.size(file), http.zeroCopyBytes());
            assertEquals(Payloads.sha256(Files.newInputStream(file)), Payloads.sha256(store.read(target.bucket(), target.key())));
            store.delete(target.bucket(), target.key());
        }
    }
}
