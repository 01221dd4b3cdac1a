package org.chunkedupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pinned npm package installed with {@code npm install package@version} into its own directory
 * under {@code ~/.cache/chunked-upload/npm-<package>-<version>/} on first use (so a fresh machine
 * needs only Node.js and the npm registry), and reused afterwards.
 */
public final class NpmTool {
    private NpmTool() {
    }

    /**
     * @param packageAtVersion e.g. {@code azurite@3.37.0}
     * @param bin the executable the package installs, e.g. {@code azurite-blob}
     * @return the executable
     */
    public static Path ensure(String packageAtVersion, String bin) {
        if (packageAtVersion == null || packageAtVersion.lastIndexOf('@') < 1) {
            throw new IllegalArgumentException("expected package@version, got " + packageAtVersion);
        }
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "chunked-upload",
                "npm-" + packageAtVersion.replaceAll("[^A-Za-z0-9.]+", "-"));
        Path exe = dir.resolve("node_modules").resolve(".bin").resolve(bin);
        Path done = dir.resolve(".installed");
        if (Files.isExecutable(exe) && Files.exists(done)) {
            return exe;
        }
        // install into a directory of its own, then rename it into place: two builds installing at once, or one
        // killed midway, never leave a half-written package that looks installed
        Path staging = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
            Path log = Files.createTempFile("npm-install-", ".log");
            Process p = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    staging.toString(), packageAtVersion)).directory(staging.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("could not npm install " + packageAtVersion + " (needs Node.js, npm"
                        + " and the npm registry):\n" + Files.readString(log));
            }
            Files.createFile(staging.resolve(".installed"));
            if (Files.exists(dir) && !Files.exists(done)) {
                deleteTree(dir); // an install from before this check, possibly broken
            }
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                deleteTree(staging); // another build installed it meanwhile
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not npm install " + packageAtVersion + ": " + e.getMessage()
                    + " (is npm installed and on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: npm install " + packageAtVersion, e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // left in the cache; harmless
            }
        }
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("npm install " + packageAtVersion + " succeeded but " + exe + " is missing");
        }
        return exe;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
