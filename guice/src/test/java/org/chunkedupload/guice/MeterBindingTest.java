package org.chunkedupload.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module measures transfers when the application binds a MeterRegistry, and works without one. */
class MeterBindingTest {
    @TempDir
    Path tmp;

    private ChunkedUploadModule module() throws Exception {
        Path conf = Files.writeString(tmp.resolve("upload.properties"), "provider = fs\nbucket = b\nfs.root = "
                + tmp.resolve("store") + "\nfs.fsync = false\n");
        return ChunkedUploadModule.fromFile(conf, Map.of());
    }

    private static void upload(Injector injector, Path tmp) throws Exception {
        Path src = Files.write(tmp.resolve("src"), new byte[1234]);
        injector.getInstance(Uploader.class).upload(injector.getInstance(StorageBackend.class), src,
                ObjectTarget.parse("fs://b/k"));
        ChunkedUploadModule.close(injector);
    }

    @Test
    void aBoundMeterRegistryMeasuresTransfers() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Injector injector = Guice.createInjector(module(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(MeterRegistry.class).toInstance(registry);
            }
        });
        upload(injector, tmp);
        assertEquals(1.0, registry.get("chunkedupload.transfers").tags("provider", "fs", "outcome", "completed")
                .counter().count());
        assertEquals(1234.0, registry.get("chunkedupload.bytes.sent").counter().count());
    }

    @Test
    void withoutARegistryNothingIsMeasuredAndUploadsWork() throws Exception {
        Injector injector = Guice.createInjector(module());
        upload(injector, tmp);
        assertTrue(Files.exists(tmp.resolve("store/b/k")));
    }
}
