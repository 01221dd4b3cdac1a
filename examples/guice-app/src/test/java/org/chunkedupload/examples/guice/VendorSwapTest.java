package org.chunkedupload.examples.guice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.guice.ChunkedUploadModule;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same application code ({@link ArchiveService}, injected by Guice) and the same CLI invocation
 * against three emulators (S3Mock, fake-gcs-server, Azurite), the filesystem, and the jclouds bridge
 * (its filesystem store, and its s3 api on S3Mock): only the configuration file differs.
 */
class VendorSwapTest {
    private static LocalServer azurite;
    private static LocalServer gcs;
    private static LocalServer s3mock;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        s3mock = Emulators.s3mock(System.getProperty("s3mock.jar"), "archive");
        azurite = Emulators.azurite(System.getProperty("azurite.package"));
        new BlobServiceClientBuilder().connectionString(azureConnection()).buildClient().createBlobContainer("archive");
        gcs = Emulators.fakeGcs(System.getProperty("fake.gcs.module"));
        try (Storage s = StorageOptions.http().setHost(gcs.url()).setProjectId("t")
                .setCredentials(NoCredentials.getInstance()).build().getService()) {
            s.create(BucketInfo.of("archive"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
        if (gcs != null) {
            gcs.close();
        }
        if (s3mock != null) {
            s3mock.close();
        }
    }

    private static String azureConnection() {
        return Emulators.azuriteConnectionString(azurite);
    }

    /** Runs the application code with one configuration file and reads the object back through the same injector. */
    private static byte[] archive(Path config, Path file, String key) throws Exception {
        Injector injector = Guice.createInjector(ChunkedUploadModule.fromFile(config, Map.of()));
        try {
            UploadResult r = injector.getInstance(ArchiveService.class).archive(file, key);
            assertEquals(Files.size(file), r.size());
            StorageBackend backend = injector.getInstance(StorageBackend.class);
            try (InputStream in = backend.read(r.target().bucket(), r.target().key())) {
                return in.readAllBytes();
            }
        } finally {
            ChunkedUploadModule.close(injector);
        }
    }

    @Test
    void theSameCodeAndCommandUploadToEachVendorChosenByConfigurationAlone() throws Exception {
        byte[] data = new byte[12_000_000]; // 3 parts of 5 MiB, the S3 minimum
        new Random(42).nextBytes(data);
        Path file = Files.write(tmp.resolve("data.bin"), data);
        String transfer = "bucket = archive\npart-size = 5MiB\nconcurrency = 3\n";
        Path az = Files.writeString(tmp.resolve("azure.properties"), "provider = az\naz.connection-string = "
                + azureConnection() + "\n" + transfer);
        Path gs = Files.writeString(tmp.resolve("gcs.properties"), "provider = gs\ngs.host = " + gcs.url()
                + "\ngs.credentials = none\n" + transfer);
        Path fs = Files.writeString(tmp.resolve("fs.properties"), "provider = fs\nfs.root = "
                + tmp.resolve("store") + "\n" + transfer);
        Path s3 = Files.writeString(tmp.resolve("s3.properties"), "provider = s3\ns3.endpoint = " + s3mock.url()
                + "\ns3.access-key-id = test\ns3.secret-access-key = test-secret\n" + transfer);
        Files.createDirectories(tmp.resolve("jclouds-base").resolve("archive"));
        Path jcloudsFs = Files.writeString(tmp.resolve("jclouds-fs.properties"), "provider = jclouds\n"
                + "jclouds.jclouds.provider = filesystem\njclouds.filesystem.basedir = " + tmp.resolve("jclouds-base")
                + "\n" + transfer);
        Path jcloudsS3 = Files.writeString(tmp.resolve("jclouds-s3.properties"), "provider = jclouds\n"
                + "jclouds.jclouds.provider = s3\njclouds.endpoint = " + s3mock.url() + "\njclouds.identity = test\n"
                + "jclouds.credential = test-secret\n" + transfer);
        for (Path config : List.of(fs, s3, gs, az, jcloudsFs, jcloudsS3)) {
            assertArrayEquals(data, archive(config, file, "2026/data.bin"), config.getFileName().toString());
            // the same command line, only --config differs
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = org.chunkedupload.cli.Main.run(new String[] {"put", file.toString(), "2026/cli.bin", "--config",
                    config.toString(), "--quiet"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertEquals(0, code, config.getFileName() + ": " + err);
            Injector injector = Guice.createInjector(ChunkedUploadModule.fromFile(config, Map.of()));
            try (InputStream in = injector.getInstance(StorageBackend.class).read("archive", "2026/cli.bin")) {
                assertArrayEquals(data, in.readAllBytes(), "CLI upload with " + config.getFileName());
            } finally {
                ChunkedUploadModule.close(injector);
            }
        }
    }

    /**
     * {@code tck --config} against each emulator writes a conformance report. S3Mock 5.2.0 fails
     * exactly ABRT-06 (it deletes the object already at the key when an upload to that key is
     * aborted; declared as a server deviation in provider-s3's own TCK run), so there the command
     * reports that rule and exits 1.
     */
    @Test
    void tckWithAConfigurationReportsOnEachEmulator() throws Exception {
        String common = "bucket = archive\n";
        Map<String, String> configs = Map.of(
                "s3", "provider = s3\ns3.endpoint = " + s3mock.url() + "\ns3.access-key-id = test\n"
                        + "s3.secret-access-key = test-secret\n" + common,
                "gs", "provider = gs\ngs.host = " + gcs.url() + "\ngs.credentials = none\n" + common,
                "az", "provider = az\naz.connection-string = " + azureConnection() + "\n" + common);
        for (Map.Entry<String, String> c : configs.entrySet()) {
            Path config = Files.writeString(tmp.resolve("tck-" + c.getKey() + ".properties"), c.getValue());
            Path report = tmp.resolve("report-" + c.getKey());
            java.io.StringWriter out = new java.io.StringWriter();
            int code = org.chunkedupload.cli.Main.run(new String[] {"tck", "--config", config.toString(), "--report",
                    report.toString()}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
            String md = Files.readString(report.resolve("conformance.md"));
            assertTrue(out.toString().contains("58 rules"), c.getKey() + ": " + out);
            if (c.getKey().equals("s3")) {
                assertEquals(1, code, out.toString());
                assertTrue(out.toString().contains("1 failed") && out.toString().contains("FAILED  ABRT-06"), out.toString());
                // declared as a server deviation, with its evidence, the same run passes and says so
                code = org.chunkedupload.cli.Main.run(new String[] {"tck", "--config", config.toString(), "--report",
                        report.toString(), "--deviation", "ABRT-06=S3Mock 5.2.0 deletes the object at the key on abort"},
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
                assertEquals(0, code, out.toString());
                assertTrue(out.toString().contains("0 failed, 6 skipped, 1 deviations"), out.toString());
            } else {
                assertEquals(0, code, c.getKey() + ": " + out);
                assertTrue(md.contains("- FAILED: 0"), md);
            }
        }
    }

    /**
     * The runnable jar itself (not the CLI's classes on this test's class path) uploads to every
     * bundled vendor in a JVM of its own: what users run. A dependency missing from the jar (as
     * jackson-databind once was, breaking every az:// command) fails here.
     */
    @Test
    void theRunnableJarReachesEveryBundledVendor() throws Exception {
        Path jar = Path.of(System.getProperty("user.dir")).resolve("../../cli/target/chunked-upload.jar").normalize();
        byte[] data = new byte[6_000_000];
        new Random(11).nextBytes(data);
        Path file = Files.write(tmp.resolve("jar.bin"), data);
        Map<String, String> configs = Map.of(
                "fs", "provider = fs\nfs.root = " + tmp.resolve("jar-store") + "\n",
                "s3", "provider = s3\ns3.endpoint = " + s3mock.url() + "\ns3.access-key-id = test\n"
                        + "s3.secret-access-key = test-secret\n",
                "gs", "provider = gs\ngs.host = " + gcs.url() + "\ngs.credentials = none\n",
                "az", "provider = az\naz.connection-string = " + azureConnection() + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Map.Entry<String, String> c : configs.entrySet()) {
            Path config = Files.writeString(tmp.resolve("jar-" + c.getKey() + ".properties"),
                    c.getValue() + "bucket = archive\npart-size = 5MiB\n");
            Process p = new ProcessBuilder(java, "-jar", jar.toString(), "put", file.toString(), "2026/jar.bin",
                    "--config", config.toString(), "--quiet").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), c.getKey() + ": " + out);
            Injector injector = Guice.createInjector(ChunkedUploadModule.fromFile(config, Map.of()));
            try (InputStream in = injector.getInstance(StorageBackend.class).read("archive", "2026/jar.bin")) {
                assertArrayEquals(data, in.readAllBytes(), "the jar's upload to " + c.getKey());
            } finally {
                ChunkedUploadModule.close(injector);
            }
        }
    }

    /**
     * The CLI's own jar, which does not contain jclouds, reaches the bridge through
     * {@code CHUNKED_UPLOAD_PLUGIN_PATH} (the bridge module's {@code target/plugin}) in a JVM of its own.
     */
    @Test
    void theCliUsesTheJcloudsBridgeAsAPlugin() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        Path jar = root.resolve("cli/target/chunked-upload.jar");
        Path plugin = root.resolve("provider-jclouds/target/plugin");
        byte[] data = new byte[7_000_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(tmp.resolve("plugin.bin"), data);
        Path base = Files.createDirectories(tmp.resolve("plugin-base").resolve("bkt")).getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> put = List.of(java, "-jar", jar.toString(), "put", file.toString(), "jclouds://bkt/p/plugin.bin",
                "-o", "jclouds.provider=filesystem", "-o", "filesystem.basedir=" + base, "--quiet");
        ProcessBuilder without = new ProcessBuilder(put).redirectErrorStream(true);
        without.environment().remove("CHUNKED_UPLOAD_PLUGIN_PATH");
        Process p = without.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor(), out);
        assertTrue(out.contains("unknown storage provider 'jclouds'") && out.contains("CHUNKED_UPLOAD_PLUGIN_PATH"), out);

        ProcessBuilder with = new ProcessBuilder(put).redirectErrorStream(true);
        with.environment().put("CHUNKED_UPLOAD_PLUGIN_PATH", plugin.toString());
        p = with.start();
        out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertArrayEquals(data, Files.readAllBytes(base.resolve("bkt/p/plugin.bin")));

        // a jclouds failure is one sentence, without jclouds' own log lines or a stack trace
        List<String> missing = new java.util.ArrayList<>(put);
        missing.set(missing.indexOf("jclouds://bkt/p/plugin.bin"), "jclouds://nobucket/x");
        ProcessBuilder wrong = new ProcessBuilder(missing).redirectErrorStream(true);
        wrong.environment().put("CHUNKED_UPLOAD_PLUGIN_PATH", plugin.toString());
        p = wrong.start();
        out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor(), out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.contains("initiate jclouds://nobucket/x failed") && out.contains("create the bucket"), out);
    }
}
