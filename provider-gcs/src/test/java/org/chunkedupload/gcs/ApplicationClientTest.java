package org.chunkedupload.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UnsupportedFeatureException;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GCS provider on the application's own {@code Storage} client (fake-gcs-server), with the
 * object's properties set on the final compose and read back.
 */
class ApplicationClientTest {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = GcsEmulator.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBackendOnTheApplicationsClientLeavesItOpenAndSetsTheObjectsProperties() throws Exception {
        byte[] data = new byte[(3 << 20) + 9];
        new Random(5).nextBytes(data);
        try (Storage mine = GcsEmulator.client(server)) {
            UploadOptions options = UploadOptions.builder().contentType("text/csv").contentEncoding("gzip")
                    .cacheControl("no-cache").putMetadata("owner", "team-b").storageClass("NEARLINE").build();
            try (StorageBackend store = GcsProvider.open(mine, Map.of())) {
                Uploader.builder().partSize(1 << 20).options(options).build()
                        .upload(store, data, ObjectTarget.parse("gs://" + GcsEmulator.BUCKET + "/app/data.csv.gz"));
            }
            Blob b = mine.get(BlobId.of(GcsEmulator.BUCKET, "app/data.csv.gz")); // still open: not ours to close
            assertNotNull(b);
            assertEquals(data.length, b.getSize());
            assertEquals("text/csv", b.getContentType());
            assertEquals("gzip", b.getContentEncoding());
            assertEquals("no-cache", b.getCacheControl());
            assertEquals("team-b", b.getMetadata().get("owner"));
            assertEquals("NEARLINE", String.valueOf(b.getStorageClass()));
        }
    }

    @Test
    void aBackendFromTheApplicationsCredentialsUsesSettingsForTheRest() throws Exception {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        try (StorageBackend store = GcsProvider.open(com.google.cloud.NoCredentials.getInstance(),
                Map.of("host", server.url(), "project", "test"));
             Storage check = GcsEmulator.client(server)) {
            Uploader.builder().build().upload(store, data, ObjectTarget.parse("gs://" + GcsEmulator.BUCKET + "/app/creds"));
            assertEquals(data.length, check.get(BlobId.of(GcsEmulator.BUCKET, "app/creds")).getSize());
        }
    }

    /**
     * A per-object KMS key is refused, not dropped: the client library's JSON transport sends no KMS key
     * with a compose, so the object would silently get the bucket's default encryption.
     */
    @Test
    void aKmsKeyIsRefusedRatherThanSilentlyDropped() throws Exception {
        try (Storage mine = GcsEmulator.client(server); StorageBackend store = GcsProvider.open(mine, Map.of())) {
            String m = assertThrows(org.chunkedupload.api.ConfigurationException.class, () -> store.initiate(
                    ObjectTarget.parse("gs://" + GcsEmulator.BUCKET + "/app/kms"), UploadOptions.builder()
                            .putProviderOption("kms-key-name", "projects/p/locations/l/keyRings/r/cryptoKeys/k").build()))
                    .getMessage();
            assertTrue(m.contains("[kms-key-name]") && m.contains("it takes none"), m);
        }
    }

    @Test
    void tagsAreRefusedSinceGcsHasNone() {
        try (Storage mine = GcsEmulator.client(server); StorageBackend store = GcsProvider.open(mine, Map.of())) {
            String m = assertThrows(UnsupportedFeatureException.class, () -> store.initiate(ObjectTarget.parse("gs://"
                    + GcsEmulator.BUCKET + "/app/tagged"), UploadOptions.builder().putTag("a", "b").build())).getMessage();
            assertTrue(m.contains("provider gs cannot set [TAGS]"), m);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
