package org.chunkedupload.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.servers.LocalServer;
import org.chunkedupload.tck.servers.PythonTool;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Starts the S3 servers the tests run against, as local processes on free loopback ports. */
final class S3Emulators {
    static final String BUCKET = "tck";

    private S3Emulators() {
    }

    /** Adobe S3Mock, from the exec jar Maven copied to target/emulators. */
    static LocalServer s3mock() throws Exception {
        int port = LocalServer.freePort();
        Path root = Files.createTempDirectory("s3mock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        LocalServer s = LocalServer.start("s3mock", List.of(java, "-Xmx1g", "-jar", System.getProperty("s3mock.jar"),
                "--server.port=0", "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET), Map.of(), port, Duration.ofMinutes(2));
        return s;
    }

    /** moto's server mode, installed into a cached venv on first use. */
    static LocalServer moto() {
        Path python = PythonTool.ensure(System.getProperty("moto.requirement"), "moto.server");
        int port = LocalServer.freePort();
        LocalServer s = LocalServer.start("moto", List.of(python.toString(), "-m", "moto.server", "-H", "127.0.0.1",
                "-p", Integer.toString(port)), Map.of(), port, Duration.ofMinutes(2));
        try (S3Client c = client(s)) {
            c.createBucket(r -> r.bucket(BUCKET));
        }
        return s;
    }

    static S3Client client(LocalServer s) {
        return S3Client.builder().endpointOverride(URI.create(s.url())).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test-secret")))
                .build();
    }

    static BackendConfig config(LocalServer s) {
        return BackendConfig.of("s3", Map.of("endpoint", s.url(), "region", "us-east-1",
                "access-key-id", "test", "secret-access-key", "test-secret"));
    }
}
