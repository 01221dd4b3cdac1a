package org.chunkedupload.jclouds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.io.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each defect of jclouds' local stores that the bridge fences: first shown on jclouds itself (so the
 * test proves the defect is real in the jclouds version we ship), then refused by the bridge.
 */
class JcloudsFencesTest {
    private static final BackendConfig TRANSIENT = BackendConfig.of("jclouds", Map.of("jclouds.provider", "transient"));

    private JcloudsBackend raw;
    private BlobStore jclouds;
    private StorageBackend bridge;

    @BeforeEach
    void open() {
        raw = new JcloudsBackend(JcloudsSettings.from(TRANSIENT)); // shares the store with the bridge
        jclouds = raw.store;
        jclouds.createContainerInLocation(null, "b");
        bridge = ProviderRegistry.load().open(TRANSIENT);
    }

    @AfterEach
    void close() {
        bridge.close();
        raw.close();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    private MultipartUpload rawUpload(String key) {
        return jclouds.initiateMultipartUpload("b", jclouds.blobBuilder(key).payload(new byte[0]).build().getMetadata(),
                PutOptions.NONE);
    }

    private List<String> mpusBlobs() {
        return jclouds.list("b", ListContainerOptions.Builder.recursive()).stream().map(StorageMetadata::getName)
                .filter(n -> n.startsWith(".mpus-")).toList();
    }

    private ChunkedUploadSession start(String key) {
        return bridge.initiate(new ObjectTarget("jclouds", "b", key));
    }

    @Test
    void aMadeUpReceiptIsRefused() {
        MultipartUpload m = rawUpload("raw");
        jclouds.uploadMultipartPart(m, 1, Payloads.newByteArrayPayload(bytes(100)));
        jclouds.completeMultipartUpload(m, List.of(MultipartPart.create(1, 100, "made-up", null)));
        assertTrue(jclouds.blobExists("b", "raw"), "jclouds completes with a made-up ETag");

        ChunkedUploadSession s = start("fenced");
        PartReceipt real = s.uploadPart(1, new ByteArrayInputStream(bytes(100)), 100);
        assertThrows(InvalidPartException.class, () -> s.complete(List.of(new PartReceipt(1, "made-up", 100, null))));
        assertFalse(bridge.stat("b", "fenced").isPresent());
        s.complete(List.of(real));
        assertEquals(100, bridge.stat("b", "fenced").orElseThrow().size());
    }

    @Test
    void aPartAfterAbortIsRefusedAndLeavesNoOrphan() {
        MultipartUpload m = rawUpload("raw");
        jclouds.abortMultipartUpload(m);
        jclouds.uploadMultipartPart(m, 1, Payloads.newByteArrayPayload(bytes(10)));
        assertEquals(1, mpusBlobs().size(), "jclouds stores a part after abort, where no upload listing finds it");
        jclouds.removeBlob("b", LocalUploads.part(m, 1));

        ChunkedUploadSession s = start("fenced");
        s.abort();
        assertThrows(NoSuchUploadException.class, () -> s.uploadPart(1, new ByteArrayInputStream(bytes(10)), 10));
        assertEquals(List.of(), mpusBlobs());
    }

    @Test
    void completeAfterAbortIsNoSuchUpload() {
        MultipartUpload m = rawUpload("raw");
        jclouds.uploadMultipartPart(m, 1, Payloads.newByteArrayPayload(bytes(10)));
        jclouds.abortMultipartUpload(m);
        assertThrows(NullPointerException.class, () -> jclouds.completeMultipartUpload(m,
                List.of(MultipartPart.create(1, 10, "x", null))), "jclouds fails with a NullPointerException");

        ChunkedUploadSession s = start("fenced");
        PartReceipt r = s.uploadPart(1, new ByteArrayInputStream(bytes(10)), 10);
        s.abort();
        assertThrows(NoSuchUploadException.class, () -> s.complete(List.of(r)));
        assertFalse(bridge.stat("b", "fenced").isPresent());
    }

    @Test
    void partsNotNamedAtCompleteAreRemoved() {
        MultipartUpload m = rawUpload("raw");
        MultipartPart p1 = jclouds.uploadMultipartPart(m, 1, Payloads.newByteArrayPayload(bytes(10)));
        jclouds.uploadMultipartPart(m, 2, Payloads.newByteArrayPayload(bytes(20)));
        jclouds.completeMultipartUpload(m, List.of(p1));
        assertEquals(1, mpusBlobs().size(), "jclouds leaves the unnamed part behind, with no stub to find it by");
        jclouds.removeBlob("b", LocalUploads.part(m, 2));

        ChunkedUploadSession s = start("fenced");
        PartReceipt r1 = s.uploadPart(1, new ByteArrayInputStream(bytes(10)), 10);
        s.uploadPart(2, new ByteArrayInputStream(bytes(20)), 20);
        s.complete(List.of(r1));
        assertEquals(List.of(), mpusBlobs());
        assertEquals(10, bridge.stat("b", "fenced").orElseThrow().size());
    }

    @Test
    void theFilesystemStoreStaysInsideItsBaseDirectory(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(base.resolve("b"));
        Files.createSymbolicLink(base.resolve("b").resolve("link"), outside);
        BackendConfig fs = BackendConfig.of("jclouds", Map.of("jclouds.provider", "filesystem", "filesystem.basedir",
                base.toString()));
        try (StorageBackend b = ProviderRegistry.load().open(fs)) {
            for (String key : List.of("../outside/x", "a/../../outside/x", "link/x", "./x", "a//x", ".mpus-x")) {
                InvalidTargetException e = assertThrows(InvalidTargetException.class,
                        () -> b.initiate(new ObjectTarget("jclouds", "b", key)), key);
                assertTrue(e.getMessage().contains(key), e.getMessage());
                assertThrows(InvalidTargetException.class, () -> b.delete("b", key), key);
            }
            ChunkedUploadSession s = b.initiate(new ObjectTarget("jclouds", "b", "dir/ok"));
            s.complete(List.of(s.uploadPart(1, new ByteArrayInputStream(bytes(5)), 5)));
            assertTrue(Files.isRegularFile(base.resolve("b/dir/ok")));
        }
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(0, left.count(), "nothing written outside the base directory");
        }
    }
}
