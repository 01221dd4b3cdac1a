package org.chunkedupload.tck.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (Files.isExecutable(exe)) {
            return exe;
        }
        try {
            Files.createDirectories(dir);
            Path log = Files.createTempFile("npm-install-", ".log");
            Process p = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    dir.toString(), packageAtVersion)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("could not npm install " + packageAtVersion + " (needs Node.js, npm"
                        + " and the npm registry):\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not npm install " + packageAtVersion + ": " + e.getMessage()
                    + " (is npm installed and on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: npm install " + packageAtVersion, e);
        }
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("npm install " + packageAtVersion + " succeeded but " + exe + " is missing");
        }
        return exe;
    }
}
