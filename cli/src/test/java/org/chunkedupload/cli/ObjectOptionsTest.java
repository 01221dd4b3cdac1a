package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** {@code put}'s object flags reach the object (read back from S3Mock), and a store that cannot keep one refuses it. */
class ObjectOptionsTest {
    private static final String BUCKET = "props";
    private static LocalServer s3mock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        s3mock = Emulators.s3mock(System.getProperty("s3mock.jar"), BUCKET);
    }

    @AfterAll
    static void stop() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    private static int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void contentTypeMetadataAndEncodingReachTheObject() throws Exception {
        Path f = Files.write(tmp.resolve("page.html.gz"), new byte[4096]);
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "put", f.toString(), "s3://" + BUCKET + "/page.html", "--quiet",
                "--content-type", "text/html", "--content-encoding", "gzip", "--cache-control", "max-age=300",
                "--metadata", "owner=web", "--metadata", "build=42",
                "-o", "endpoint=" + s3mock.url(), "-o", "access-key-id=a", "-o", "secret-access-key=b"), err.toString());
        try (S3Client c = S3Client.builder().endpointOverride(URI.create(s3mock.url())).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("a", "b"))).build()) {
            HeadObjectResponse h = c.headObject(r -> r.bucket(BUCKET).key("page.html"));
            assertEquals("text/html", h.contentType());
            assertEquals("gzip", h.contentEncoding());
            assertEquals("max-age=300", h.cacheControl());
            assertEquals(Map.of("owner", "web", "build", "42"), h.metadata());
        }
    }

    @Test
    void aStoreThatCannotKeepAPropertyRefusesItBeforeUploading() throws Exception {
        Path f = Files.write(tmp.resolve("x"), new byte[10]);
        StringWriter err = new StringWriter();
        int code = run(err, "put", f.toString(), "fs://demo/x", "--storage-class", "COLD", "-o",
                "root=" + tmp.resolve("store"));
        assertTrue(code != 0 && err.toString().contains("provider fs cannot set [STORAGE_CLASS]"), code + ": " + err);
        assertTrue(!Files.exists(tmp.resolve("store/demo/x")), "nothing was stored");
    }
}
