package org.chunkedupload.s3;

import java.net.URI;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
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
    static LocalServer s3mock() {
        return Emulators.s3mock(System.getProperty("s3mock.jar"), BUCKET);
    }

    /** moto's server mode, installed into a cached venv on first use. */
    static LocalServer moto() {
        LocalServer s = Emulators.moto(System.getProperty("moto.requirement"));
        try (S3Client c = client(s)) {
            c.createBucket(r -> r.bucket(BUCKET));
        }
        return s;
    }

    /**
     * Versity's S3 gateway (a production S3 server that checks signatures) on its posix backend,
     * metadata in sidecar files, built with go install on first use; the bucket is created through
     * the S3 API, as the gateway expects.
     */
    static LocalServer versitygw() {
        LocalServer s = Emulators.versitygw(System.getProperty("versitygw.module"));
        try (S3Client c = client(s)) {
            c.createBucket(r -> r.bucket(BUCKET));
        }
        return s;
    }

    static S3Client client(LocalServer s) {
        return client(s, "test", "test-secret");
    }

    static S3Client client(LocalServer s, String keyId, String secret) {
        return S3Client.builder().endpointOverride(URI.create(s.url())).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build();
    }

    static BackendConfig config(LocalServer s) {
        return BackendConfig.of("s3", Map.of("endpoint", s.url(), "region", "us-east-1",
                "access-key-id", "test", "secret-access-key", "test-secret"));
    }
}
