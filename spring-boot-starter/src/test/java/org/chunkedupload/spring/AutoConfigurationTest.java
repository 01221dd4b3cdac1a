package org.chunkedupload.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration in an application context: beans from properties, metrics, health, back-off. */
class AutoConfigurationTest {
    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChunkedUploadAutoConfiguration.class))
                .withPropertyValues("chunked-upload.provider=fs", "chunked-upload.bucket=b",
                        "chunked-upload.fs.root=" + tmp.resolve("store"), "chunked-upload.fs.fsync=false",
                        "chunked-upload.part-size=1MiB", "chunked-upload.concurrency=3");
    }

    @Test
    void propertiesGiveABackendAndAnUploaderWithTheConfiguredSettings() throws Exception {
        Path src = Files.write(tmp.resolve("src"), new byte[(2 << 20) + 5]);
        runner().run(context -> {
            assertThat(context).hasSingleBean(StorageBackend.class).hasSingleBean(Uploader.class)
                    .hasSingleBean(ToolkitConfig.class);
            ToolkitConfig c = context.getBean(ToolkitConfig.class);
            assertThat(c.transfer().partSize()).isEqualTo(1L << 20);
            assertThat(c.transfer().concurrency()).isEqualTo(3);
            var r = context.getBean(Uploader.class).upload(context.getBean(StorageBackend.class), src,
                    ObjectTarget.parse("fs://b/k"));
            assertThat(r.partCount()).isEqualTo(3);
            assertThat(tmp.resolve("store/b/k")).exists();
        });
    }

    @Test
    void withoutAProviderNothingIsConfigured() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChunkedUploadAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(StorageBackend.class).doesNotHaveBean(Uploader.class));
    }

    @Test
    void aBadValueFailsTheContextWithTheToolkitsSentence() {
        runner().withPropertyValues("chunked-upload.concurrency=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("'concurrency' must be between 1 and 256"));
    }

    @Test
    void aMeterRegistryBeanMeasuresTransfers() throws Exception {
        Path src = Files.write(tmp.resolve("src"), new byte[1000]);
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(Uploader.class).upload(context.getBean(StorageBackend.class), src, ObjectTarget.parse("fs://b/m"));
            assertThat(context.getBean(MeterRegistry.class).get("chunkedupload.transfers")
                    .tags("provider", "fs", "outcome", "completed").counter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void theHealthIndicatorProbesTheStore() {
        runner().run(context -> assertThat(context.getBean(StoreHealthIndicator.class).health(true).getStatus())
                .isEqualTo(Status.UP));
    }

    @Test
    void theApplicationsOwnBackendWins() {
        runner().withBean("mine", StorageBackend.class, () -> ToolkitConfig.of(java.util.Map.of("provider", "fs",
                "fs.root", tmp.resolve("mine").toString()), "test", java.util.Map.of(),
                org.chunkedupload.api.ProviderRegistry.load()).openBackend())
                .run(context -> assertThat(context).hasSingleBean(StorageBackend.class).hasBean("mine"));
    }
}
