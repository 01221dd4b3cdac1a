package org.chunkedupload.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobProperties;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Azure provider on the application's own {@code BlobServiceClient} (Azurite), with the blob's
 * properties, access tier and index tags set at commit and read back.
 */
class ApplicationClientTest {
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = Azurite.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBackendOnTheApplicationsClientSetsTheBlobsProperties() {
        byte[] data = new byte[(3 << 20) + 1];
        new Random(6).nextBytes(data);
        BlobServiceClient mine = Azurite.client(server);
        UploadOptions options = UploadOptions.builder().contentType("image/png").contentEncoding("identity")
                .cacheControl("max-age=86400").putMetadata("owner", "team_c").storageClass("Cool")
                .putTag("project", "apollo").build();
        try (StorageBackend store = AzureProvider.open(mine, Map.of())) {
            Uploader.builder().partSize(1 << 20).options(options).build()
                    .upload(store, data, ObjectTarget.parse("az://" + Azurite.CONTAINER + "/app/pic.png"));
        }
        var blob = mine.getBlobContainerClient(Azurite.CONTAINER).getBlobClient("app/pic.png");
        BlobProperties p = blob.getProperties();
        assertEquals(data.length, p.getBlobSize());
        assertEquals("image/png", p.getContentType());
        assertEquals("identity", p.getContentEncoding());
        assertEquals("max-age=86400", p.getCacheControl());
        assertEquals(Map.of("owner", "team_c"), p.getMetadata());
        assertEquals("Cool", String.valueOf(p.getAccessTier()));
        assertEquals(Map.of("project", "apollo"), blob.getTags());
    }
}
