package org.chunkedupload.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.fs.FilesystemProvider;
import org.chunkedupload.tck.Payloads;

/** A filesystem store under a temporary directory, reached through a {@link FaultInjection} wrapper. */
final class EngineFixture implements AutoCloseable {
    final Path dir;
    final FaultInjection faults;
    final StorageBackend backend;

    EngineFixture(Path dir) {
        this(dir, UnaryOperator.identity());
    }

    EngineFixture(Path dir, UnaryOperator<Capabilities> caps) {
        this.dir = dir;
        this.faults = new FaultInjection(new FilesystemProvider(), caps);
        this.backend = ProviderRegistry.of(faults).open(config(dir));
    }

    static BackendConfig config(Path dir) {
        return BackendConfig.of("fs", Map.of("root", dir.resolve("store").toString(), "fsync", "false"));
    }

    Path file(String name, long size) throws IOException {
        byte[] b = new byte[(int) size];
        new Random(size).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    String sha(Path file) throws IOException {
        return Payloads.sha256(Files.newInputStream(file));
    }

    String objectSha(String bucket, String key) {
        return Payloads.sha256(backend.read(bucket, key));
    }

    @Override
    public void close() {
        backend.close();
    }
}
