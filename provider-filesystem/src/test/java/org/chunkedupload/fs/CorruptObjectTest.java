package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A completed object that fails the integrity check never stays at the key looking fine. */
class CorruptObjectTest {
    @TempDir
    Path tmp;

    /** The fs store behind a defect: it keeps only the first half of every part and reports the whole size. */
    private StorageBackend truncating(boolean conditionalDelete) {
        StorageProvider real = new FilesystemProvider();
        StorageProvider broken = new StorageProvider() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String description() {
                return "fs keeping half of each part";
            }

            @Override
            public List<ConfigKey> configKeys() {
                return real.configKeys();
            }

            @Override
            public ProviderBackend open(BackendConfig config) {
                ProviderBackend b = real.open(config);
                return (ProviderBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {ProviderBackend.class}, (p, m, args) -> {
                            if (m.getName().equals("deleteIfMatch") && !conditionalDelete) {
                                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, args); // the SPI's default
                            }
                            Object r = call(m, b, args);
                            return r instanceof ProviderUpload u ? halving(u) : r;
                        });
            }
        };
        return ProviderRegistry.of(broken).open(BackendConfig.of("fs", Map.of("root", tmp.resolve("store").toString())));
    }

    private static ProviderUpload halving(ProviderUpload real) {
        Map<String, PartReceipt> stored = new ConcurrentHashMap<>();
        return (ProviderUpload) Proxy.newProxyInstance(CorruptObjectTest.class.getClassLoader(),
                new Class<?>[] {ProviderUpload.class}, (p, m, args) -> {
                    if (m.getName().equals("uploadPart")) {
                        PartContent c = (PartContent) args[0];
                        byte[] all = c.body().readAllBytes();
                        PartReceipt half = real.uploadPart(new PartContent(c.partNumber(),
                                new ByteArrayInputStream(all, 0, all.length / 2), all.length / 2, null));
                        PartReceipt claimed = new PartReceipt(half.partNumber(), half.token(), all.length, null);
                        stored.put(half.token(), half);
                        return claimed;
                    }
                    if (m.getName().equals("complete")) {
                        @SuppressWarnings("unchecked")
                        List<PartReceipt> receipts = (List<PartReceipt>) args[0];
                        args[0] = receipts.stream().map(r -> stored.get(r.token())).toList();
                    }
                    return call(m, real, args);
                });
    }

    private static Object call(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static IntegrityException completeTruncated(StorageBackend store) {
        ChunkedUploadSession s = store.initiate(ObjectTarget.parse("fs://demo/obj"));
        PartReceipt p1 = s.uploadPart(1, new byte[1000]);
        PartReceipt p2 = s.uploadPart(2, new byte[500]);
        return assertThrows(IntegrityException.class, () -> s.complete(List.of(p1, p2)));
    }

    @Test
    void aTruncatedObjectIsRemovedExactlyWhereTheStoreCanDeleteConditionally() {
        try (StorageBackend store = truncating(true)) {
            IntegrityException e = completeTruncated(store);
            assertTrue(e.getMessage().contains("750 bytes") && e.getMessage().contains("was removed"), e.getMessage());
            assertTrue(store.stat("demo", "obj").isEmpty(), "the corrupt object is gone");
        }
    }

    @Test
    void aTruncatedObjectThatCannotBeRemovedIsNamedWithHowToDeleteIt() {
        try (StorageBackend store = truncating(false)) {
            IntegrityException e = completeTruncated(store);
            String etag = store.stat("demo", "obj").orElseThrow().etag();
            assertTrue(e.getMessage().contains("still at fs://demo/obj (ETag " + etag + ")")
                    && e.getMessage().contains("delete it"), e.getMessage());
            assertEquals(750, store.stat("demo", "obj").orElseThrow().size());
        }
    }

    @Test
    void conditionalDeleteNeverRemovesAnotherVersion() throws Exception {
        try (StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", tmp.resolve("store").toString())))) {
            ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/v"));
            String first = s.complete(List.of(s.uploadPart(1, new byte[3]))).etag();
            ChunkedUploadSession s2 = fs.initiate(ObjectTarget.parse("fs://demo/v"));
            s2.complete(List.of(s2.uploadPart(1, new byte[4])));
            ProviderBackend raw = new FilesystemProvider().open(BackendConfig.of("fs",
                    Map.of("root", tmp.resolve("store").toString())));
            assertEquals(false, raw.deleteIfMatch("demo", "v", first));
            assertEquals(4, fs.stat("demo", "v").orElseThrow().size());
            assertEquals(true, raw.deleteIfMatch("demo", "v", fs.stat("demo", "v").orElseThrow().etag()));
            assertTrue(fs.stat("demo", "v").isEmpty());
        }
    }
}
