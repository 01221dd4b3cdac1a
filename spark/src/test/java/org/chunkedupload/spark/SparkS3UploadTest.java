package org.chunkedupload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.transfer.DirectoryUpload.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark tasks uploading to S3Mock: an object from several tasks and a set of files, with the
 * credentials taken from each executor's environment ({@code CHUNKED_UPLOAD_S3_*}, set by the build
 * for the test JVM): the secret is in no task Spark serialized, in no manifest and in no line of
 * Spark's event log; a job's settings that hold a secret are refused.
 */
class SparkS3UploadTest {
    private static final String SECRET = System.getenv("CHUNKED_UPLOAD_S3_SECRET_ACCESS_KEY");
    private static LocalServer s3;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        s3 = Emulators.s3mock(System.getProperty("s3mock.jar"), "spark");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    private static ExecutorConfig config() {
        return ExecutorConfig.of(Map.of("provider", "s3", "bucket", "spark", "s3.endpoint", "http://127.0.0.1:" + s3.port(),
                "s3.region", "us-east-1", "s3.path-style", "true"));
    }

    @Test
    void anObjectAndFilesFromTasksWithCredentialsFromTheEnvironmentOnly() throws Exception {
        assertTrue(SECRET != null && !SECRET.isEmpty(), "the build sets the executors' credentials");
        byte[] data = new byte[(int) (48L << 20) + 12345];
        new Random(3).nextBytes(data);
        Path src = Files.write(tmp.resolve("object.bin"), data);
        SparkUpload job = SparkUpload.builder(SparkFixture.context(), config()).partSize(8L << 20).tasks(3).build();
        UploadResult r = job.uploadObject(src.toString(), ObjectTarget.parse("s3://spark/object.bin"));
        assertEquals(data.length, r.size());
        StorageBackend store = config().backend();
        assertEquals(SparkObjectUploadTest.sha(Files.newInputStream(src)), SparkObjectUploadTest.sha(store.read("spark",
                "object.bin")));

        Path dir = Files.createDirectories(tmp.resolve("files"));
        for (int i = 0; i < 30; i++) {
            Files.write(dir.resolve("f" + i), ("file " + i).getBytes(StandardCharsets.UTF_8));
        }
        List<FileResult> rows = job.uploadDirectory(dir, "spark", "many");
        assertEquals(30, rows.stream().filter(f -> f.status() == Status.UPLOADED).count(), rows.toString());
        assertEquals("file 12", new String(store.read("spark", "many/f12").readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(), store.listPending("spark", ""));

        // what Spark ships and logs: the task functions, the manifest, the event log
        var probe = store.initiate(ObjectTarget.parse("s3://spark/probe"));
        ByteArrayOutputStream shipped = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(shipped)) {
            out.writeObject(new PartRangeTask(config(), probe.handle(), new SourcePath(src.toString()), 8L << 20, 2,
                    job.metrics));
            out.writeObject(new FileTask(config(), "spark", 0, 2, false, job.metrics));
            out.writeObject(new UploadManifest(null, null, -1, 0, List.of(src + "\tk"), "spark"));
        }
        assertFalse(new String(shipped.toByteArray(), StandardCharsets.ISO_8859_1).contains(SECRET),
                "no secret in a serialized task");
        probe.abort();
        try (Stream<Path> logs = Files.walk(SparkFixture.EVENTS)) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(log, StandardCharsets.ISO_8859_1).contains(SECRET), "no secret in " + log);
            }
        }
    }

    @Test
    void settingsHoldingASecretAreRefusedWithWhereToPutIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ExecutorConfig.of(Map.of("provider",
                "s3", "s3.secret-access-key", "oops")));
        assertTrue(e.getMessage().contains("'s3.secret-access-key' is a secret")
                && e.getMessage().contains("CHUNKED_UPLOAD_S3_SECRET_ACCESS_KEY"), e.getMessage());
    }
}
