package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The S3 provider opened on the application's own client, credentials and HTTP client (moto), and
 * the object's properties set at initiate read back from the server: content type, encoding, cache
 * control, metadata, storage class, tags, SSE-S3 and SSE-KMS.
 */
class ApplicationClientTest {
    private static LocalServer moto;

    @BeforeAll
    static void start() {
        moto = S3Emulators.moto();
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    private static byte[] data() {
        byte[] b = new byte[(11 << 20) + 5];
        new Random(11).nextBytes(b);
        return b;
    }

    @Test
    void aBackendOnTheApplicationsClientLeavesItOpenAndSetsEveryObjectProperty() {
        try (S3Client mine = S3Emulators.client(moto)) {
            UploadOptions options = UploadOptions.builder().contentType("application/x-tar").contentEncoding("gzip")
                    .cacheControl("max-age=60").putMetadata("owner", "team-a").storageClass("STANDARD_IA")
                    .putTag("project", "apollo 11").putTag("tier", "cold").putProviderOption("sse", "aws:kms")
                    .putProviderOption("sse-kms-key-id", "alias/archive").build();
            try (StorageBackend store = S3Provider.backendBuilder().client(mine).build()) {
                Uploader.builder().partSize(5L << 20).options(options).build()
                        .upload(store, data(), ObjectTarget.parse("s3://tck/app/kms.tar.gz"));
            }
            // the backend is closed; the application's client is not
            HeadObjectResponse head = mine.headObject(r -> r.bucket("tck").key("app/kms.tar.gz"));
            assertEquals((11L << 20) + 5, head.contentLength());
            assertEquals("application/x-tar", head.contentType());
            assertEquals("gzip", head.contentEncoding());
            assertEquals("max-age=60", head.cacheControl());
            assertEquals(Map.of("owner", "team-a"), head.metadata());
            assertEquals("STANDARD_IA", head.storageClassAsString());
            assertEquals("aws:kms", head.serverSideEncryptionAsString());
            assertTrue(String.valueOf(head.ssekmsKeyId()).contains("alias/archive"), "the KMS key: " + head.ssekmsKeyId());
            assertEquals(Map.of("project", "apollo 11", "tier", "cold"),
                    mine.getObjectTagging(r -> r.bucket("tck").key("app/kms.tar.gz")).tagSet().stream()
                            .collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value)));
        }
    }

    @Test
    void aBackendFromTheApplicationsCredentialsAndHttpClientUsesSettingsForTheRest() {
        try (var http = ApacheHttpClient.builder().build()) {
            try (StorageBackend store = S3Provider.backendBuilder()
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test-secret")))
                    .httpClient(http).settings(Map.of("endpoint", moto.url(), "sse", "AES256")).build()) {
                Uploader.builder().partSize(5L << 20).build().upload(store, data(), ObjectTarget.parse("s3://tck/app/sse-s3"));
            }
            try (S3Client check = S3Emulators.client(moto)) {
                assertEquals("AES256", check.headObject(r -> r.bucket("tck").key("app/sse-s3")).serverSideEncryptionAsString(),
                        "the backend's default SSE-S3 applies");
            }
            assertTrue(http.clientName() != null, "the application's HTTP client is still usable");
        }
    }

    @Test
    void anUnknownProviderOptionOrEncryptionIsRefusedBeforeAnythingIsUploaded() {
        try (S3Client mine = S3Emulators.client(moto); StorageBackend store = S3Provider.backendBuilder().client(mine).build()) {
            ObjectTarget t = ObjectTarget.parse("s3://tck/app/refused");
            String m = assertThrows(ConfigurationException.class, () -> store.initiate(t, UploadOptions.builder()
                    .putProviderOption("encryption", "yes").build())).getMessage();
            assertTrue(m.contains("[encryption]") && m.contains("sse"), m);
            m = assertThrows(ConfigurationException.class, () -> store.initiate(t, UploadOptions.builder()
                    .putProviderOption("sse", "rot13").build())).getMessage();
            assertTrue(m.contains("AES256, aws:kms or aws:kms:dsse"), m);
            assertEquals(0, store.listPending("tck", "app/refused").size(), "nothing was initiated");
        }
    }
}
