package org.chunkedupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The emulators the toolkit's own tests run against, started on free loopback ports with the
 * flags the providers need, and installed on first use where they come from a package registry.
 * Creating buckets is left to the caller (it needs the vendor's client).
 */
public final class Emulators {
    /** Azurite's published development account; not a secret. */
    public static final String AZURITE_ACCOUNT = "devstoreaccount1";
    /** Azurite's published development account key; not a secret. */
    public static final String AZURITE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Emulators() {
    }

    /**
     * @param execJar S3Mock's exec jar (Maven copies it for the tests)
     * @param bucket a bucket to create at start-up
     * @return Adobe S3Mock, storing under a fresh temporary directory (deleted when it stops)
     */
    public static LocalServer s3mock(String execJar, String bucket) {
        int port = LocalServer.freePort();
        Path root;
        try {
            root = Files.createTempDirectory("s3mock");
            Files.createDirectories(root.resolve("store"));
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its temporary files (one per upload, and Tomcat's) beside its store, so they go when it stops
        return LocalServer.start("s3mock", List.of(java, "-Xmx1g", "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-jar", execJar, "--server.port=0", "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket), Map.of(), port, Duration.ofMinutes(2),
                root);
    }

    /**
     * @param moduleAtVersion e.g. {@code github.com/versity/versitygw/cmd/versitygw@v1.8.0}, built with
     *     go install on first use
     * @return Versity's S3 gateway (a production S3 server that checks signatures) on its posix backend
     *     in a fresh temporary directory (deleted when it stops), metadata in sidecar files, root
     *     credentials {@code test} / {@code test-secret}; create buckets through the S3 API, as the
     *     gateway expects
     */
    public static LocalServer versitygw(String moduleAtVersion) {
        Path exe = GoTool.ensure(moduleAtVersion);
        Path root;
        try {
            root = Files.createTempDirectory("versitygw");
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("meta"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LocalServer.freePort();
        return LocalServer.start("versitygw", List.of(exe.toString(), "--port", "127.0.0.1:" + port, "posix",
                "--sidecar", root.resolve("meta").toString(), root.resolve("data").toString()),
                Map.of("ROOT_ACCESS_KEY", "test", "ROOT_SECRET_KEY", "test-secret"), port, Duration.ofMinutes(2), root);
    }

    /**
     * @param requirement e.g. {@code moto[server]==5.2.1}, pip-installed into a cached venv on first use
     * @return moto's server mode (S3 and the rest of AWS, in memory); create buckets through the S3 API
     */
    public static LocalServer moto(String requirement) {
        Path python = PythonTool.ensure(requirement, "moto.server");
        int port = LocalServer.freePort();
        return LocalServer.start("moto", List.of(python.toString(), "-m", "moto.server", "-H", "127.0.0.1",
                "-p", Integer.toString(port)), Map.of(), port, Duration.ofMinutes(2));
    }

    /**
     * @param moduleAtVersion e.g. {@code github.com/fsouza/fake-gcs-server@v1.56.1}, built with go install on first use
     * @return fake-gcs-server over HTTP with the memory backend
     */
    public static LocalServer fakeGcs(String moduleAtVersion) {
        Path exe = GoTool.ensure(moduleAtVersion);
        int port = LocalServer.freePort();
        String url = "http://127.0.0.1:" + port;
        return LocalServer.start("fake-gcs-server", List.of(exe.toString(), "-scheme", "http", "-host", "127.0.0.1",
                "-port", Integer.toString(port), "-backend", "memory", "-external-url", url,
                "-public-host", "127.0.0.1:" + port, "-log-level", "warn"), Map.of(), port, Duration.ofMinutes(1));
    }

    /**
     * @param packageAtVersion e.g. {@code azurite@3.37.0}, installed with npm on first use
     * @return Azurite's blob service, in memory, telemetry off (with it on, Azurite 3.37 reports to
     *     Microsoft and keeps running after SIGTERM)
     */
    public static LocalServer azurite(String packageAtVersion) {
        Path exe = NpmTool.ensure(packageAtVersion, "azurite-blob");
        int port = LocalServer.freePort();
        return LocalServer.start("azurite-blob", List.of(exe.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                Integer.toString(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
                "--disableTelemetry"),
                Map.of(), port, Duration.ofMinutes(1));
    }

    /**
     * @param azurite a running Azurite
     * @return a connection string for its development account
     */
    public static String azuriteConnectionString(LocalServer azurite) {
        return azuriteConnectionString(azurite.url());
    }

    /**
     * @param url where the blob service is (or is not) listening, e.g. {@code http://127.0.0.1:9}
     * @return a connection string for Azurite's development account at {@code url}
     */
    public static String azuriteConnectionString(String url) {
        return "DefaultEndpointsProtocol=http;AccountName=" + AZURITE_ACCOUNT + ";AccountKey=" + AZURITE_KEY
                + ";BlobEndpoint=" + url + "/" + AZURITE_ACCOUNT + ";";
    }
}
