package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.chunkedupload.testsupport.Emulators;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, as a new user types it: every case exits with the documented code, prints one line
 * on stderr that names the input and the fix without a Java class name, and leaves nothing behind
 * (the whole working directory, store, staging area and source directory included, is unchanged).
 */
class BadInputCatalogTest {
    @TempDir
    Path tmp;

    /** Prepares a case's files under a directory and returns its command line. */
    interface Setup {
        String[] args(Path dir) throws Exception;
    }

    record Case(String name, int code, String fragment, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, int code, String fragment, Setup setup) {
        return new Case(name, code, fragment, setup);
    }

    private static String[] fs(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "root=" + dir.resolve("store"), "--quiet"));
        return all.toArray(String[]::new);
    }

    private static Path src(Path dir) throws IOException {
        return Files.write(dir.resolve("src.bin"), new byte[3000]);
    }

    private static Path journalFor(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("j.journal"), text);
    }

    /** A real journal of a kept upload, written by put --keep-on-failure after a failure. */
    private static Path realJournal(Path dir) throws IOException {
        Path f = src(dir);
        Path j = dir.resolve("real.journal");
        run(fs(dir, "put", f.toString(), "fs://demo/x"));
        // create-only complete fails on the existing object: the upload and its journal are kept
        CliTest.Run r = run(fs(dir, "put", f.toString(), "fs://demo/x", "--if-not-exists", "--journal", j.toString(),
                "--keep-on-failure"));
        assertEquals(3, r.code(), r.err());
        return j;
    }

    static List<Case> cases() {
        return List.of(
                // sources
                c("missing file", 2, "check the path", d -> fs(d, "put", d.resolve("nope").toString(), "fs://demo/x")),
                c("directory as file", 2, "give a file", d -> fs(d, "put", d.toString(), "fs://demo/x")),
                c("/proc file", 2, "cannot be trusted", d -> fs(d, "put", "/proc/self/status", "fs://demo/x")),
                c("/proc file, dry run", 2, "cannot be trusted", d -> fs(d, "put", "/proc/self/status", "fs://demo/x",
                        "--dry-run")),
                c("fifo as file", 2, "not a regular file", d -> {
                    new ProcessBuilder("mkfifo", d.resolve("fifo").toString()).start().waitFor();
                    return fs(d, "put", d.resolve("fifo").toString(), "fs://demo/x");
                }),
                // targets and keys
                c("unknown provider", 2, "installed providers are", d -> fs(d, "put", src(d).toString(), "nosuch://demo/x")),
                c("one slash", 2, "", d -> fs(d, "put", src(d).toString(), "fs:/demo/x")),
                c("dot-dot key", 2, "escape", d -> fs(d, "put", src(d).toString(), "fs://demo/../../x")),
                c("empty key", 2, "key", d -> fs(d, "put", src(d).toString(), "fs://demo/")),
                c("empty segment", 2, "empty path segment", d -> fs(d, "put", src(d).toString(), "fs://demo/a//b")),
                c("reserved bucket", 2, "bucket", d -> fs(d, "put", src(d).toString(), "fs://.chunked-uploads/x")),
                c("backslash key", 2, "escape", d -> fs(d, "put", src(d).toString(), "fs://demo/a\\b")),
                c("reserved suffix", 2, "reserves", d -> fs(d, "put", src(d).toString(), "fs://demo/x.cu-tmp")),
                c("bare key without config", 2, "--config", d -> fs(d, "put", src(d).toString(), "isos/x")),
                c("key under a file", 2, "is a file where fs needs a directory", d -> {
                    Files.createDirectories(d.resolve("store/demo"));
                    Files.write(d.resolve("store/demo/a"), new byte[1]);
                    return fs(d, "put", src(d).toString(), "fs://demo/a/b");
                }),
                c("key is a directory", 2, "is a directory", d -> {
                    Files.createDirectories(d.resolve("store/demo/dir"));
                    return fs(d, "put", src(d).toString(), "fs://demo/dir");
                }),
                c("root is a file", 2, "which is a file", d -> {
                    Files.write(d.resolve("store"), new byte[1]);
                    return fs(d, "put", src(d).toString(), "fs://demo/x");
                }),
                c("bucket is a file", 2, "is a file where fs needs a directory", d -> {
                    Files.createDirectories(d.resolve("store"));
                    Files.write(d.resolve("store/demo"), new byte[1]);
                    return fs(d, "put", src(d).toString(), "fs://demo/x");
                }),
                // links at every level
                c("symlinked bucket", 2, "symbolic link", d -> {
                    Files.createDirectories(d.resolve("store"));
                    Files.createSymbolicLink(d.resolve("store/demo"), Files.createDirectories(d.resolve("elsewhere")));
                    return fs(d, "put", src(d).toString(), "fs://demo/x");
                }),
                c("symlinked directory in the key", 2, "symbolic link", d -> {
                    Files.createDirectories(d.resolve("store/demo"));
                    Files.createSymbolicLink(d.resolve("store/demo/sub"), Files.createDirectories(d.resolve("elsewhere")));
                    return fs(d, "put", src(d).toString(), "fs://demo/sub/x");
                }),
                c("symlinked staging area", 2, "symbolic link", d -> {
                    Files.createDirectories(d.resolve("store"));
                    Files.createSymbolicLink(d.resolve("store/.chunked-uploads"), Files.createDirectories(d.resolve("elsewhere")));
                    return fs(d, "put", src(d).toString(), "fs://demo/x");
                }),
                c("symlinked upload directory", 2, "symbolic link", d -> {
                    Files.createDirectories(d.resolve("store/.chunked-uploads/demo"));
                    Files.createSymbolicLink(d.resolve("store/.chunked-uploads/demo/0123456789abcdef0123456789abcdef"),
                            Files.createDirectories(d.resolve("elsewhere")));
                    return new String[] {"abort", "fs://demo/x", "--upload-id", "0123456789abcdef0123456789abcdef", "-o",
                            "root=" + d.resolve("store")};
                }),
                // sizes, counts, durations
                c("size word", 2, "invalid size", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--part-size", "lots")),
                c("size overflow", 2, "too large", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--part-size",
                        "99999999999TiB")),
                c("negative size", 2, "invalid size", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--part-size", "-5")),
                c("concurrency 0", 2, "between 1 and 256", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--concurrency", "0")),
                c("concurrency 500", 2, "between 1 and 256", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--concurrency",
                        "500")),
                c("negative retries", 2, "retries", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--retries", "-1")),
                c("unknown checksum", 2, "checksum", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--checksum", "foo")),
                c("stall timeout word", 2, "", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--stall-timeout", "soon")),
                c("older-than word", 2, "duration", d -> new String[] {"sweep", "fs://demo/", "--older-than", "old", "-o",
                        "root=" + d.resolve("store")}),
                // journals
                c("journal is a directory", 2, "is a directory", d -> fs(d, "put", src(d).toString(), "fs://demo/x",
                        "--journal", Files.createDirectories(d.resolve("jdir")).toString())),
                c("journal under a file", 2, "is a file", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "--journal",
                        Files.write(d.resolve("plain"), new byte[1]).resolve("j").toString())),
                c("missing journal", 2, "no journal at", d -> fs(d, "resume", d.resolve("nope.journal").toString())),
                c("journal that is a directory", 2, "is a directory", d -> fs(d, "resume",
                        Files.createDirectories(d.resolve("jd")).toString())),
                c("empty journal", 2, "is not a chunked-upload journal", d -> fs(d, "resume", journalFor(d, "").toString())),
                c("journal with a bad escape", 2, "is damaged", d -> fs(d, "resume",
                        journalFor(d, "version=2\nhandle=\\uZZZZ\n").toString())),
                c("torn journal", 2, "is torn", d -> {
                    Path j = realJournal(d);
                    String text = Files.readString(j);
                    Files.writeString(j, text.substring(0, text.lastIndexOf("#end")));
                    return fs(d, "resume", j.toString());
                }),
                c("edited journal", 2, "is damaged", d -> {
                    Path j = realJournal(d);
                    Files.writeString(j, Files.readString(j).replace("part-size=", "part-size=1"));
                    return fs(d, "resume", j.toString());
                }),
                c("journal of a changed source", 1, "changed since the upload began", d -> {
                    Path j = realJournal(d);
                    Files.write(d.resolve("src.bin"), new byte[3001]);
                    return fs(d, "resume", j.toString());
                }),
                // configuration files and settings
                c("missing config", 2, "no configuration file", d -> fs(d, "put", src(d).toString(), "x", "--config",
                        d.resolve("nope.properties").toString())),
                c("config with a bad escape", 2, "is damaged", d -> fs(d, "put", src(d).toString(), "x", "--config",
                        Files.writeString(d.resolve("c.properties"), "provider = fs\nbucket = b\\uXYZW\n").toString())),
                c("config unknown key", 2, "colour", d -> fs(d, "put", src(d).toString(), "x", "--config",
                        Files.writeString(d.resolve("c.properties"), "provider = fs\nbucket = b\ncolour = red\n").toString())),
                c("config bad concurrency", 2, "concurrency", d -> fs(d, "put", src(d).toString(), "x", "--config",
                        Files.writeString(d.resolve("c.properties"), "provider = fs\nbucket = b\nconcurrency = many\n").toString())),
                c("config unknown provider", 2, "not installed", d -> fs(d, "put", src(d).toString(), "x", "--config",
                        Files.writeString(d.resolve("c.properties"), "provider = ftp\nbucket = b\n").toString())),
                c("unknown setting", 2, "unknown", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "-o", "colour=red")),
                c("boolean setting", 2, "true or false", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "-o", "fsync=maybe")),
                c("setting without value", 2, "", d -> fs(d, "put", src(d).toString(), "fs://demo/x", "-o", "fsync")),
                c("timeout word", 2, "duration", d -> new String[] {"put", src(d).toString(), "s3://b/x", "-o",
                        "endpoint=http://127.0.0.1:9", "-o", "connect-timeout=soon", "--quiet"}),
                c("negative timeout", 2, "duration", d -> new String[] {"put", src(d).toString(), "s3://b/x", "-o",
                        "endpoint=http://127.0.0.1:9", "-o", "socket-timeout=-1s", "--quiet"}),
                // a store that does not answer (port 9: nothing listens), on each cloud
                c("S3 store not listening", 1, "check the endpoint setting", d -> new String[] {"put", src(d).toString(),
                        "s3://b/x", "-o", "endpoint=http://127.0.0.1:9", "-o", "access-key-id=a", "-o", "secret-access-key=b",
                        "--retries", "1", "--quiet"}),
                c("GCS store not listening", 1, "cannot connect", d -> new String[] {"put", src(d).toString(), "gs://b/x",
                        "-o", "host=http://127.0.0.1:9", "--retries", "1", "--quiet"}),
                c("Azure store not listening", 1, "cannot connect", d -> new String[] {"put", src(d).toString(), "az://b/x",
                        "-o", "connection-string=" + Emulators.azuriteConnectionString("http://127.0.0.1:9"), "--retries",
                        "1", "--quiet"}));
    }

    private static CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Asserts the documented shape of an error: one line, naming things in words, no Java class or stack. */
    static void assertOneSentence(String err) {
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        for (String javaism : new String[] {"Exception", "java.", "\tat ", "Error:"}) {
            assertFalse(err.contains(javaism), "no Java class names or stack traces: " + err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneSentenceWithTheDocumentedCodeAndLeavesNothing(Case c) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("case"));
        String[] args = c.setup().args(d);
        Set<String> before = tree(d);
        CliTest.Run r = run(args);
        System.out.println(c.name() + " -> exit " + r.code() + ": " + r.err().strip()); // the catalogue, in the report
        assertEquals(c.code(), r.code(), c.name() + ": " + r.err());
        assertOneSentence(r.err());
        assertTrue(r.err().contains(c.fragment()), c.name() + " should say '" + c.fragment() + "': " + r.err());
        Set<String> after = tree(d);
        after.removeIf(p -> p.endsWith(".publish.lock")); // the store's lock file, not data
        before.removeIf(p -> p.endsWith(".publish.lock"));
        assertEquals(before, after, c.name() + " left something behind");
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeastFortyCases() {
        assertTrue(cases().size() >= 40, "cases: " + cases().size());
    }
}
