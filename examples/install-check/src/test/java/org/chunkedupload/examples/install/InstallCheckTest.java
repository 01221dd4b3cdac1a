package org.chunkedupload.examples.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What a user gets: {@code ./mvnw deploy} (to a directory repository, from a copy of the sources)
 * publishes exactly the artifacts the README's Install section lists, each with sources and
 * javadoc; an application outside the reactor ({@code app/}) builds from that repository with the
 * README's dependencies, and — on its own {@code S3Client}, with Micrometer metrics and SLF4J logs —
 * uploads to moto an object whose content type, metadata and SSE-KMS settings are read back.
 */
class InstallCheckTest {
    /** Every artifact a release publishes. */
    static final Set<String> PUBLISHED = new TreeSet<>(List.of("chunked-upload-parent", "chunked-upload-bom",
            "chunked-upload-api", "chunked-upload-transfer", "chunked-upload-provider-filesystem",
            "chunked-upload-provider-s3", "chunked-upload-provider-gcs", "chunked-upload-provider-azure",
            "chunked-upload-config", "chunked-upload-guice", "chunked-upload-metrics-micrometer", "chunked-upload-tck",
            "chunked-upload-spring-boot-starter", "chunked-upload-spark", "chunked-upload-provider-jclouds"));

    private static final Path ROOT = Path.of(System.getProperty("reactor.root")).toAbsolutePath();
    private static final Path HERE = ROOT.resolve("examples/install-check");
    private static final Path WORK = HERE.resolve("target/install-check");
    private static final String VERSION = System.getProperty("project.version");

    record Run(int code, String out, String err) { }

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(WORK, "out", ".txt");
        Path err = Files.createTempFile(WORK, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> maven(String... args) {
        // never offline: Maven neither deploys to nor resolves from a repository in offline mode, even a directory
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-q"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Copies the sources (no build output, no git data), so the nested build never touches this one's. */
    private static Path copySources() throws IOException {
        Path copy = Files.createDirectories(WORK.resolve("source"));
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = ROOT.relativize(f);
                String s = rel.toString();
                if (s.isEmpty() || s.startsWith(".git") || s.matches("(.*/)?target(/.*)?") || Files.isSymbolicLink(f)
                        || s.startsWith("chunked-store")) {
                    continue;
                }
                Path to = copy.resolve(rel);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    /** @return the artifact ids named in the README's Install section */
    private static Set<String> readmeInstallArtifacts() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Install");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("chunked-upload-[a-z0-9-]+").matcher(section);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    @Test
    void theDeploySetAndAnApplicationBuiltFromIt() throws Exception {
        Files.createDirectories(WORK);
        Path source = copySources();
        Path repo = WORK.resolve("repo");
        Run deploy = run(source, maven("deploy", "-DskipTests", "-Dmaven.install.skip=true",
                "-DaltDeploymentRepository=under-test::" + repo.toUri()));
        assertEquals(0, deploy.code(), deploy.out() + deploy.err());

        // the deploy set: exactly the published artifacts, each with sources and javadoc
        Path group = repo.resolve("org/chunkedupload");
        Set<String> deployed;
        try (Stream<Path> dirs = Files.list(group)) {
            deployed = dirs.map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(PUBLISHED, deployed, "what ./mvnw deploy publishes");
        for (String a : deployed) {
            if (a.equals("chunked-upload-parent") || a.equals("chunked-upload-bom")) {
                continue;
            }
            try (Stream<Path> files = Files.list(group.resolve(a).resolve(VERSION))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                for (String kind : new String[] {".jar", "-sources.jar", "-javadoc.jar"}) {
                    assertTrue(names.stream().anyMatch(n -> n.endsWith(kind) && (kind.equals(".jar")
                            ? !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar") : true)), a + " has no " + kind);
                }
            }
        }
        Set<String> inReadme = readmeInstallArtifacts();
        assertTrue(deployed.containsAll(inReadme), "the README names only published artifacts: " + inReadme);
        Set<String> users = new TreeSet<>(deployed);
        users.remove("chunked-upload-parent"); // the build's parent: no one depends on it by name
        assertEquals(users, inReadme, "the README names every published artifact, and only those");

        // the application outside the reactor, with the README's dependencies, from that repository only
        String appPom = Files.readString(HERE.resolve("app/pom.xml"));
        Matcher m = Pattern.compile("<artifactId>(chunked-upload-[a-z0-9-]+)</artifactId>").matcher(appPom);
        while (m.find()) {
            assertTrue(inReadme.contains(m.group(1)), m.group(1) + " is in the README's Install section");
        }
        Path app = WORK.resolve("app");
        copyTree(HERE.resolve("app"), app);
        Run build = run(app, maven("package", "dependency:build-classpath", "-Dmdep.outputFile=target/cp.txt",
                "-Dchunked.repo=" + repo.toUri(), "-Dchunked.version=" + VERSION));
        assertEquals(0, build.code(), build.out() + build.err());
        String classpath = app.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(app.resolve("target/cp.txt")).trim();

        byte[] data = new byte[(12 << 20) + 77];
        new Random(12).nextBytes(data);
        Path file = Files.write(WORK.resolve("backup.tar"), data);
        try (LocalServer moto = Emulators.moto(System.getProperty("moto.requirement"));
             S3Client check = S3Client.builder().endpointOverride(URI.create(moto.url())).forcePathStyle(true)
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("check", "check-secret"))).build()) {
            check.createBucket(r -> r.bucket("archive"));
            Run upload = run(app, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    classpath, "org.example.archive.ArchiveApp", moto.url(), file.toString(), "s3://archive/backup.tar"));
            assertEquals(0, upload.code(), upload.out() + upload.err());
            assertTrue(upload.err().contains("INFO org.example.archive.ArchiveApp - archived " + data.length
                    + " bytes to s3://archive/backup.tar in 3 parts"), "it logs through SLF4J:\n" + upload.err());
            assertTrue(upload.out().contains("chunkedupload.bytes.sent [tag(provider=s3)] COUNT=" + (double) data.length)
                    && upload.out().contains("chunkedupload.transfers [tag(outcome=completed), tag(provider=s3)] COUNT=1.0"),
                    "it exports Micrometer metrics:\n" + upload.out());
            HeadObjectResponse head = check.headObject(r -> r.bucket("archive").key("backup.tar"));
            assertEquals(data.length, head.contentLength());
            assertEquals("application/x-tar", head.contentType());
            assertEquals(Map.of("archived-by", "archive-app"), head.metadata());
            assertEquals("aws:kms", head.serverSideEncryptionAsString());
            assertTrue(String.valueOf(head.ssekmsKeyId()).contains("alias/archive"), head.ssekmsKeyId());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = from.relativize(f).toString();
                if (rel.startsWith("target")) {
                    continue;
                }
                Path t = to.resolve(rel);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.write(t, Files.readAllBytes(f));
                }
            }
        }
        assertTrue(Files.readString(to.resolve("pom.xml"), StandardCharsets.UTF_8).contains("chunked-upload-bom"));
    }
}
