package org.chunkedupload.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Random;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot application, configured by properties alone, uploading to a real S3 server (S3Mock). */
@SpringBootTest(classes = SpringBootS3Test.App.class)
class SpringBootS3Test {
    private static final LocalServer S3MOCK = Emulators.s3mock(System.getProperty("s3mock.jar"), "boot");

    /** The application: nothing but auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("chunked-upload.provider", () -> "s3");
        r.add("chunked-upload.bucket", () -> "boot");
        r.add("chunked-upload.part-size", () -> "5MiB");
        r.add("chunked-upload.s3.endpoint", S3MOCK::url);
        r.add("chunked-upload.s3.access-key-id", () -> "boot");
        r.add("chunked-upload.s3.secret-access-key", () -> "boot-secret");
    }

    @AfterAll
    static void stop() {
        S3MOCK.close();
    }

    @Autowired
    StorageBackend store;

    @Autowired
    Uploader uploader;

    @Autowired
    StoreHealthIndicator health;

    @Test
    void theInjectedBeansUploadToTheConfiguredStoreAndItIsHealthy() throws Exception {
        byte[] data = new byte[(11 << 20) + 3];
        new Random(4).nextBytes(data);
        var r = uploader.upload(store, data, ObjectTarget.parse("s3://boot/report.bin"));
        assertThat(r.partCount()).isEqualTo(3);
        try (InputStream in = store.read("boot", "report.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(health.health(true).getDetails()).containsEntry("provider", "s3").containsEntry("bucket", "boot");
    }
}
