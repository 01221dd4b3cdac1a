package org.chunkedupload.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure-specific behaviour on Azurite: block ids, empty parts, abort and its limits, the block limit, settings. */
class AzureProviderTest {
    private static final String C = Azurite.CONTAINER;
    private static LocalServer server;
    private static BlobContainerClient direct;

    @BeforeAll
    static void start() {
        server = Azurite.start();
        direct = Azurite.client(server).getBlobContainerClient(C);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StorageBackend open() {
        return ProviderRegistry.load().open(Azurite.config(server));
    }

    private static List<Block> uncommitted(String key) {
        try {
            return direct.getBlobClient(key).getBlockBlobClient().listBlocks(BlockListType.UNCOMMITTED)
                    .getUncommittedBlocks();
        } catch (RuntimeException e) {
            return List.of(); // no blob at all
        }
    }

    private static byte[] bytes(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] read(StorageBackend az, String key) throws Exception {
        try (InputStream in = az.read(C, key)) {
            return in.readAllBytes();
        }
    }

    private static int decodedLength(String base64) {
        return Base64.getDecoder().decode(base64).length;
    }

    @Test
    void everyBlockIdOfEverySessionHasTheSameDecodedLength() {
        try (StorageBackend az = open()) {
            String key = "ids/one";
            ChunkedUploadSession a = az.initiate(new ObjectTarget("az", C, key));
            ChunkedUploadSession b = az.initiate(new ObjectTarget("az", C, key));
            for (int n : new int[] {1, 9, 10, 99, 100, 4711, 50_000}) {
                a.uploadPart(n, bytes(n, 3));
                b.uploadPart(n, bytes(n, 5));
            }
            List<Block> blocks = uncommitted(key);
            assertEquals(14, blocks.size(), "both sessions' blocks stay side by side on the blob");
            for (Block blk : blocks) {
                assertEquals(AzureNames.BLOCK_ID_LENGTH, decodedLength(blk.getName()), blk.getName());
            }
            a.abort();
            b.abort();
            assertEquals(List.of(), uncommitted(key), "aborting both discards every block (nothing committed there)");
        }
    }

    @Test
    void aBlobPoisonedByAnotherWritersIdLengthIsReportedWithTheCause() {
        String key = "ids/poisoned";
        BlockBlobClient foreign = direct.getBlobClient(key).getBlockBlobClient();
        foreign.stageBlock(Base64.getEncoder().encodeToString("1".getBytes(StandardCharsets.US_ASCII)),
                BinaryData.fromBytes(new byte[] {1}));
        try (StorageBackend az = open()) {
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, key));
            InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> s.uploadPart(1, bytes(1, 10)));
            assertTrue(e.getMessage().contains("InvalidBlobOrBlock") && e.getMessage().contains("another length"),
                    e.getMessage());
            s.abort();
            assertEquals(1, uncommitted(key).size(), "abort never discards another writer's blocks");
        }
    }

    @Test
    void emptyObjectAndEmptyLastPart() throws Exception {
        try (StorageBackend az = open()) {
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, "empty/object"));
            PartReceipt r = s.uploadPart(1, new byte[0]);
            assertEquals(List.of(r.token()), s.listParts().stream().map(PartReceipt::token).toList());
            assertEquals(0, s.complete(List.of(r)).size());
            assertArrayEquals(new byte[0], read(az, "empty/object"));

            byte[] first = bytes(7, 1000);
            ChunkedUploadSession t = az.initiate(new ObjectTarget("az", C, "empty/last"));
            PartReceipt p1 = t.uploadPart(1, first);
            PartReceipt p2 = t.uploadPart(2, new byte[0]);
            PartReceipt p2again = t.uploadPart(2, new byte[0]);
            assertThrows(InvalidPartException.class, () -> t.complete(List.of(p1, p2)), "a replaced empty part is stale");
            t.complete(List.of(p1, p2again));
            assertArrayEquals(first, read(az, "empty/last"));
            assertTrue(direct.listBlobs(new com.azure.storage.blob.models.ListBlobsOptions()
                    .setPrefix(AzureSettings.DEFAULT_PREFIX), null).stream().noneMatch(b -> b.getName()
                    .contains(t.handle().uploadId())), "no marker of the upload survives complete");
        }
    }

    @Test
    void createOnlyCompleteRefusesAnExistingBlobAndLeavesIt() throws Exception {
        try (StorageBackend az = open()) {
            String key = "cond/existing";
            direct.getBlobClient(key).upload(BinaryData.fromBytes(bytes(1, 10)));
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, key));
            PartReceipt r = s.uploadPart(1, bytes(2, 20));
            assertThrows(PreconditionFailedException.class, () -> s.complete(List.of(r), WritePrecondition.ifAbsent()));
            assertArrayEquals(bytes(1, 10), read(az, key));
            String etag = az.stat(C, key).orElseThrow().etag();
            assertEquals(20, s.complete(List.of(r), WritePrecondition.ifMatch(etag)).size());
            assertArrayEquals(bytes(2, 20), read(az, key));
        }
    }

    @Test
    void abortWithoutACommittedBlobDiscardsTheBlocks() {
        try (StorageBackend az = open()) {
            String key = "abort/fresh";
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, key));
            s.uploadPart(1, bytes(1, 4096));
            s.uploadPart(2, bytes(2, 100));
            assertEquals(2, uncommitted(key).size());
            s.abort();
            assertEquals(List.of(), uncommitted(key), "staged blocks are discarded at once");
            assertFalse(az.stat(C, key).isPresent());
            assertThrows(NoSuchUploadException.class, () -> s.uploadPart(3, bytes(3, 10)));
        }
    }

    @Test
    void abortWithACommittedBlobLeavesItUntouchedAndItsBlocksToAzure() throws Exception {
        try (StorageBackend az = open()) {
            String key = "abort/committed";
            direct.getBlobClient(key).upload(BinaryData.fromBytes(bytes(9, 50)));
            String etag = az.stat(C, key).orElseThrow().etag();
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, key));
            s.uploadPart(1, bytes(1, 4096));
            s.abort();
            assertEquals(etag, az.stat(C, key).orElseThrow().etag(), "the committed blob is neither deleted nor rewritten");
            assertArrayEquals(bytes(9, 50), read(az, key));
            assertEquals(1, uncommitted(key).size(), "the block is left to Azure's 7-day collection (EVENTUAL)");
            assertThrows(NoSuchUploadException.class, () -> s.complete(List.of(new PartReceipt(1, "x", 4096, null))));
        }
    }

    @Test
    void abortingOneOfTwoSessionsKeepsTheOthersBlocks() throws Exception {
        try (StorageBackend az = open()) {
            String key = "abort/two";
            ChunkedUploadSession a = az.initiate(new ObjectTarget("az", C, key));
            ChunkedUploadSession b = az.initiate(new ObjectTarget("az", C, key));
            a.uploadPart(1, bytes(1, 10));
            PartReceipt r = b.uploadPart(1, bytes(2, 20));
            a.abort();
            b.complete(List.of(r));
            assertArrayEquals(bytes(2, 20), read(az, key));
        }
    }

    @Test
    void orphanedBlocksAreListedWithTheirBytesAndAbortDiscardsThem() {
        try (StorageBackend az = open()) {
            String key = "orphan/blob";
            String id = org.chunkedupload.spi.UploadRecord.newUploadId();
            BlockBlobClient blob = direct.getBlobClient(key).getBlockBlobClient();
            blob.stageBlock(AzureNames.blockId(id, 1, AzureNames.newStamp()), BinaryData.fromBytes(bytes(1, 300)));
            PendingUpload p = az.listPending(C, "orphan/").stream().filter(x -> x.uploadId().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("blocks without a session marker are not listed"));
            assertEquals(key, p.handle().key());
            assertEquals(300, p.bytesHeld().orElseThrow());
            ChunkedUploadSession s = az.resume(p.handle());
            assertThrows(NoSuchUploadException.class, s::listParts, "an orphan is not an open upload");
            s.abort();
            assertEquals(List.of(), uncommitted(key));
            assertTrue(az.listPending(C, "orphan/").isEmpty());
        }
    }

    @Test
    void pendingReportsBytesHeldIncludingReplacedParts() {
        try (StorageBackend az = open()) {
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, "pending/bytes"));
            s.uploadPart(1, bytes(1, 1000));
            s.uploadPart(1, bytes(2, 1000)); // the replaced staging is billed until the commit drops it
            s.uploadPart(2, bytes(3, 24));
            PendingUpload p = az.listPending(C, "pending/").stream().filter(x -> x.uploadId().equals(s.handle()
                    .uploadId())).findFirst().orElseThrow();
            assertEquals(2024, p.bytesHeld().orElseThrow());
            s.abort();
        }
    }

    @Test
    void theBlockLimitIsEnforcedBeforeAnyRequest() {
        // a backend whose endpoint nobody listens on: any request would fail as transient
        int dead = LocalServer.freePort();
        BackendConfig cfg = BackendConfig.of("az", Map.of("connection-string", Azurite.connectionString(server)
                .replace(":" + server.port() + "/", ":" + dead + "/")));
        try (StorageBackend az = ProviderRegistry.load().open(cfg)) {
            assertEquals(50_000, az.capabilities().maxPartCount());
            assertEquals(50_000, az.capabilities().maxPartNumber());
            ChunkedUploadSession s = az.resume(org.chunkedupload.api.UploadHandle.of("az", C, "limit/x",
                    org.chunkedupload.spi.UploadRecord.newUploadId()));
            assertThrows(InvalidPartException.class, () -> s.uploadPart(50_001, new byte[1]));
            List<PartReceipt> tooMany = new ArrayList<>();
            for (int n = 1; n <= 50_001; n++) {
                tooMany.add(new PartReceipt(n, "0000000000000000", 1, null));
            }
            InvalidPartException e = assertThrows(InvalidPartException.class, () -> s.complete(tooMany));
            assertTrue(e.getMessage().contains("50000") || e.getMessage().contains("50,000"), e.getMessage());
        }
    }

    @Test
    void aDamagedBodyIsRefusedByAzureThroughTheTransactionalMd5() throws Exception {
        try (ProviderBackend raw = new AzureProvider().open(Azurite.config(server))) {
            ProviderUpload u = raw.initiate(C, "md5/damaged", UploadOptions.defaults());
            byte[] body = bytes(1, 1000);
            byte[] other = java.security.MessageDigest.getInstance("MD5").digest(bytes(2, 1000));
            Checksum wrong = new Checksum(ChecksumAlgorithm.MD5, Base64.getEncoder().encodeToString(other));
            assertThrows(IntegrityException.class, () -> u.uploadPart(new PartContent(1, new ByteArrayInputStream(body),
                    body.length, wrong)));
            assertEquals(List.of(), uncommitted("md5/damaged"), "nothing was staged");
            u.abort();
        }
    }

    @Test
    void contentTypeAndMetadataReachTheBlobAndBadMetadataNamesAreRefused() {
        try (StorageBackend az = open()) {
            ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, "meta/x"), UploadOptions.builder()
                    .contentType("text/csv").putMetadata("owner", "team_a").build());
            s.complete(List.of(s.uploadPart(1, bytes(1, 10))));
            var props = direct.getBlobClient("meta/x").getProperties();
            assertEquals("text/csv", props.getContentType());
            assertEquals("team_a", props.getMetadata().get("owner"));
            InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> az.initiate(
                    new ObjectTarget("az", C, "meta/y"), UploadOptions.builder().putMetadata("x-bad", "1").build()));
            assertTrue(e.getMessage().contains("x-bad"), e.getMessage());
            assertThrows(InvalidTargetException.class, () -> az.initiate(new ObjectTarget("az", C,
                    AzureSettings.DEFAULT_PREFIX + "mine")));
        }
    }

    @Test
    void sharedKeyAndSasCredentialsWork() throws Exception {
        Map<String, String> sharedKey = Map.of("endpoint", Azurite.endpoint(server), "account-key", Azurite.KEY);
        String sas = direct.generateSas(new com.azure.storage.blob.sas.BlobServiceSasSignatureValues(
                java.time.OffsetDateTime.now().plusHours(1), new com.azure.storage.blob.sas.BlobContainerSasPermission()
                .setReadPermission(true).setWritePermission(true).setListPermission(true).setDeletePermission(true)
                .setCreatePermission(true).setAddPermission(true)));
        Map<String, String> sasToken = Map.of("endpoint", Azurite.endpoint(server), "sas-token", sas);
        for (Map<String, String> settings : List.of(sharedKey, sasToken)) {
            try (StorageBackend az = ProviderRegistry.load().open(BackendConfig.of("az", settings))) {
                String key = "creds/" + (settings.containsKey("sas-token") ? "sas" : "shared-key");
                ChunkedUploadSession s = az.initiate(new ObjectTarget("az", C, key));
                s.complete(List.of(s.uploadPart(1, bytes(4, 100))));
                assertArrayEquals(bytes(4, 100), read(az, key));
                assertTrue(az.listPending(C, key).isEmpty(), "listing works with these credentials; nothing pending");
            }
        }
    }

    @Test
    void badSettingsNameTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AzureSettings.from(
                BackendConfig.of("az", Map.of("credentials", "shared-key", "endpoint", "http://127.0.0.1:1/acct"))));
        assertTrue(e.getMessage().contains("account-key"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> AzureSettings.from(BackendConfig.of("az",
                Map.of("endpoint", "not a url"))));
        assertTrue(e.getMessage().contains("endpoint"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> AzureSettings.from(BackendConfig.of("az",
                Map.of("connection-string", "x", "temp-prefix", "no-slash"))));
        assertTrue(e.getMessage().contains("temp-prefix"), e.getMessage());
        AzureSettings s = AzureSettings.from(BackendConfig.of("az", Map.of("connection-string", "secret-value")));
        assertFalse(s.toString().contains("secret-value"), "secrets are masked");
    }

    @Test
    void theBackstopIsAzuresSevenDayCollectionAndCannotBeShortened() {
        try (StorageBackend store = open()) {
            var backstop = store.backstop().orElseThrow();
            var week = backstop.install(C, "", java.time.Duration.ofDays(7));
            assertTrue(week.inPlace() && week.description().contains("7 days"), week.description());
            var day = backstop.check(C, "", java.time.Duration.ofDays(1));
            assertFalse(day.inPlace());
            assertTrue(day.description().contains("sweep"), day.description());
        }
    }

    @Test
    void conditionalDeleteRemovesOnlyTheVersionItNames() {
        try (StorageBackend store = open(); org.chunkedupload.spi.ProviderBackend raw = new AzureProvider().open(Azurite.config(server))) {
            ChunkedUploadSession s = store.initiate(new ObjectTarget("az", C, "cond-delete/v"));
            String first = s.complete(List.of(s.uploadPart(1, new byte[3]))).etag();
            ChunkedUploadSession s2 = store.initiate(new ObjectTarget("az", C, "cond-delete/v"));
            String second = s2.complete(List.of(s2.uploadPart(1, new byte[4]))).etag();
            assertFalse(raw.deleteIfMatch(C, "cond-delete/v", first), "an older version is not the current one");
            assertEquals(4, store.stat(C, "cond-delete/v").orElseThrow().size());
            assertTrue(raw.deleteIfMatch(C, "cond-delete/v", second));
            assertTrue(store.stat(C, "cond-delete/v").isEmpty());
        }
    }
}
