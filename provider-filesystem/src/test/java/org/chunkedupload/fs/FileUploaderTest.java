package org.chunkedupload.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;
import org.chunkedupload.tck.Payloads;
import org.chunkedupload.transfer.FileUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file uploader on the real filesystem provider: byte-exact results, and no orphan after a failure. */
class FileUploaderTest {
    @TempDir
    Path tmp;

    private Path file(int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(tmp.resolve("src-" + size), b);
    }

    private BackendConfig config() {
        return BackendConfig.of("fs", Map.of("root", tmp.resolve("store").toString(), "fsync", "false"));
    }

    @Test
    void uploadsInParallelPartsByteExactWithProgress() throws IOException {
        Path src = file(10_000_123);
        AtomicLong last = new AtomicLong();
        try (StorageBackend fs = ProviderRegistry.load().open(config())) {
            UploadResult r = FileUploader.builder().partSize(1 << 20).concurrency(4)
                    .progress((sent, total) -> last.accumulateAndGet(sent, Math::max)).build()
                    .upload(fs, src, ObjectTarget.parse("fs://b/obj"));
            assertEquals(10, r.partCount());
            assertEquals(10_000_123, r.size());
            assertEquals(10_000_123, last.get());
            assertEquals(Payloads.sha256(Files.newInputStream(src)), Payloads.sha256(fs.read("b", "obj")));
        }
    }

    @Test
    void anEmptyFileBecomesAnEmptyObject() throws IOException {
        Path src = file(0);
        try (StorageBackend fs = ProviderRegistry.load().open(config())) {
            assertEquals(0, FileUploader.builder().build().upload(fs, src, ObjectTarget.parse("fs://b/empty")).size());
            assertEquals(0, fs.stat("b", "empty").orElseThrow().size());
        }
    }

    @Test
    void aFailedPartAbortsTheUploadAndLeavesNothing() throws IOException {
        Path src = file(5_000_000);
        FilesystemProvider real = new FilesystemProvider();
        StorageProvider failing = new FailingPartProvider(real, 3);
        try (StorageBackend b = ProviderRegistry.of(failing).open(config())) {
            TransientStorageException e = assertThrows(TransientStorageException.class, () ->
                    FileUploader.builder().partSize(1 << 20).concurrency(2).build()
                            .upload(b, src, new ObjectTarget("fs", "b", "doomed")));
            assertTrue(e.getMessage().contains("injected"), e.getMessage());
            assertTrue(b.stat("b", "doomed").isEmpty(), "no object after a failure");
            assertEquals(List.of(), b.listPending("b", ""), "the upload was aborted");
        }
    }

    /** Delegates to the filesystem provider but fails one part number. */
    private record FailingPartProvider(StorageProvider delegate, int failPart) implements StorageProvider {
        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String description() {
            return "fails part " + failPart;
        }

        @Override
        public List<org.chunkedupload.spi.ConfigKey> configKeys() {
            return delegate.configKeys();
        }

        @Override
        public ProviderBackend open(BackendConfig config) {
            ProviderBackend d = delegate.open(config);
            return (ProviderBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProviderBackend.class}, (proxy, m, args) -> {
                        Object r = invoke(m, d, args);
                        return r instanceof ProviderUpload u ? failing(u) : r;
                    });
        }

        private ProviderUpload failing(ProviderUpload u) {
            return (ProviderUpload) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProviderUpload.class}, (proxy, m, args) -> {
                        if (m.getName().equals("uploadPart") && ((PartContent) args[0]).partNumber() == failPart) {
                            throw new TransientStorageException("injected failure of part " + failPart, null, false);
                        }
                        return invoke(m, u, args);
                    });
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
