package org.chunkedupload.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.fs.FilesystemProvider;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters after real transfers on the filesystem store with injected faults: a part that fails
 * once and is retried, and a transfer that fails for good and is aborted.
 */
class TransferMetricsTest {
    private static final int PART = 1 << 20;

    @TempDir
    Path tmp;

    /** The fs provider, whose parts fail as told: once with a 503-like failure, or always for good. */
    static final class Faulty implements StorageProvider {
        final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        private final FilesystemProvider fs = new FilesystemProvider();

        @Override
        public String id() {
            return "fs";
        }

        @Override
        public String description() {
            return "fs with injected faults";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return fs.configKeys();
        }

        @Override
        public ProviderBackend open(BackendConfig config) {
            ProviderBackend real = fs.open(config);
            return wrap(ProviderBackend.class, real, (m, args) -> {
                Object r = m.invoke(real, args);
                return r instanceof ProviderUpload u ? wrap(ProviderUpload.class, u, (um, ua) -> {
                    if (um.getName().equals("uploadPart")) {
                        PartContent p = (PartContent) ua[0];
                        String key = u.handle().key();
                        if (key.startsWith("flaky") && p.partNumber() == 2 && failedOnce.add(key)) {
                            throw new TransientStorageException("injected 503 for part 2", null,
                                    ErrorDetails.of("fs", Operation.UPLOAD_PART).answer(503, "SlowDown", "req-1"));
                        }
                        if (key.startsWith("broken") && p.partNumber() == 3) {
                            throw new InvalidTargetException("injected refusal of part 3", null,
                                    ErrorDetails.of("fs", Operation.UPLOAD_PART).answer(400, "Refused", "req-2"));
                        }
                    }
                    return um.invoke(u, ua);
                }) : r;
            });
        }
    }

    interface Call {
        Object invoke(java.lang.reflect.Method m, Object[] args) throws Exception;
    }

    static <T> T wrap(Class<T> type, T real, Call call) {
        InvocationHandler h = (proxy, m, args) -> {
            try {
                return call.invoke(m, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    @Test
    void aRetriedPartAndAnAbortedTransferAreCountedPerProvider() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TransferMetrics metrics = new TransferMetrics(registry);
        byte[] data = new byte[4 * PART + 11];
        new Random(3).nextBytes(data);
        Path file = Files.write(tmp.resolve("src"), data);
        try (StorageBackend store = ProviderRegistry.of(new Faulty()).open(BackendConfig.of("fs",
                Map.of("root", tmp.resolve("store").toString(), "fsync", "false")))) {
            Uploader uploader = Uploader.builder().partSize(PART).concurrency(2).listener(metrics).build();
            uploader.upload(store, file, ObjectTarget.parse("fs://b/flaky.bin"));
            assertThrows(ChunkedUploadException.class, () -> uploader.upload(store, file, ObjectTarget.parse("fs://b/broken.bin")));
            metrics.recordPending("fs", "b", store.listPending("b", ""));
        }

        assertEquals(1.0, registry.get("chunkedupload.transfers").tags("provider", "fs", "outcome", "completed").counter().count());
        assertEquals(1.0, registry.get("chunkedupload.transfers").tags("provider", "fs", "outcome", "aborted").counter().count());
        assertEquals(1.0, registry.get("chunkedupload.part.retries").tags("provider", "fs", "cause",
                "TransientStorageException").counter().count(), "the injected 503 was retried once");
        assertEquals(1.0, registry.get("chunkedupload.failures").tags("provider", "fs", "operation", "upload_part",
                "exception", "InvalidTargetException").counter().count());
        double stored = registry.get("chunkedupload.parts").tags("provider", "fs", "outcome", "stored").counter().count();
        // part 3 of the second transfer starts only once part 1 or 2 is stored (2 in flight), then fails for good
        assertTrue(stored >= 5 + 1, "all 5 parts of the first transfer and at least 1 of the second: " + stored);
        double failed = registry.get("chunkedupload.parts").tags("provider", "fs", "outcome", "failed").counter().count();
        assertTrue(failed >= 2, "the injected 503 and the refusal, and any part the refusal stopped: " + failed);
        assertTrue(registry.get("chunkedupload.bytes.sent").tags("provider", "fs").counter().count() >= data.length,
                "every byte of the completed transfer counts");
        assertEquals(stored + failed, registry.get("chunkedupload.part.duration").tags("provider", "fs").timers().stream()
                .mapToLong(t -> t.count()).sum(), "one timing per attempt");
        assertEquals(0.0, registry.get("chunkedupload.parts.inflight").tags("provider", "fs").gauge().value(),
                "nothing is in flight afterwards");
        assertEquals(0.0, registry.get("chunkedupload.pending.bytes").tags("provider", "fs", "bucket", "b").gauge().value(),
                "the aborted upload holds nothing");
    }
}
