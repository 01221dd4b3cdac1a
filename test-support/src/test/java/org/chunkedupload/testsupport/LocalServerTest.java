package org.chunkedupload.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server the harness starts leaves nothing in the temporary directory once stopped: before, every
 * S3Mock and versitygw store (with the objects the tests uploaded) and every server log stayed in
 * {@code /tmp}, gigabytes after a day of test runs. A Python HTTP server stands in for an emulator.
 */
class LocalServerTest {
    @TempDir
    Path outside;

    private static List<String> httpServer(int port, Path dir) {
        return List.of("python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", dir.toString(),
                Integer.toString(port));
    }

    @Test
    void closeDeletesTheLogAndTheScratchDirectoryWithoutFollowingLinks() throws Exception {
        Path scratch = Files.createTempDirectory("local-server-test");
        Files.createDirectories(scratch.resolve("store/bucket"));
        Files.writeString(scratch.resolve("store/bucket/object"), "stored by the server");
        Path precious = Files.writeString(outside.resolve("precious"), "not the server's");
        Files.createSymbolicLink(scratch.resolve("store/link-to-file"), precious);
        Files.createSymbolicLink(scratch.resolve("link-to-dir"), outside);
        Set<Path> before = logs("http-test");
        int port = LocalServer.freePort();
        LocalServer server = LocalServer.start("http-test", httpServer(port, scratch), Map.of(), port,
                Duration.ofSeconds(30), scratch);
        Set<Path> running = logs("http-test");
        running.removeAll(before);
        assertEquals(1, running.size(), "the log exists while the server runs");

        server.close();

        assertFalse(Files.exists(scratch, LinkOption.NOFOLLOW_LINKS), "scratch directory deleted");
        assertFalse(Files.exists(running.iterator().next()), "log deleted: " + running);
        assertEquals("not the server's", Files.readString(precious), "a link's target is not touched");
        assertTrue(Files.isDirectory(outside));
        server.close(); // idempotent
    }

    @Test
    void aServerThatExitsAtOnceLeavesNothingAndItsLogTailIsInTheError() throws Exception {
        Path scratch = Files.createTempDirectory("local-server-test");
        Set<Path> before = logs("exit-test");
        int port = LocalServer.freePort();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalServer.start("exit-test",
                List.of("python3", "-c", "import sys; print('no such bucket store'); sys.exit(3)"), Map.of(), port,
                Duration.ofSeconds(30), scratch));
        assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("no such bucket store"),
                e.getMessage());
        assertFalse(Files.exists(scratch), "scratch directory deleted");
        assertEquals(before, logs("exit-test"), "log deleted");
    }

    /** @return the logs of servers named {@code name} in the temporary directory */
    private static Set<Path> logs(String name) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + "-"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
