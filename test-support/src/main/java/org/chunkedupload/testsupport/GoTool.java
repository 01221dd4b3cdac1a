package org.chunkedupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pinned Go program built with {@code go install module@version} into its own directory under
 * {@code ~/.cache/chunked-upload/go-<module>-<version>/} on first use (so a fresh machine needs
 * only the Go toolchain and the Go module proxy), and reused afterwards.
 */
public final class GoTool {
    private GoTool() {
    }

    /**
     * @param moduleAtVersion e.g. {@code github.com/fsouza/fake-gcs-server@v1.56.1}
     * @return the built executable
     */
    public static Path ensure(String moduleAtVersion) {
        if (moduleAtVersion == null || !moduleAtVersion.contains("@")) {
            throw new IllegalArgumentException("expected module@version, got " + moduleAtVersion);
        }
        String module = moduleAtVersion.substring(0, moduleAtVersion.indexOf('@'));
        String binary = module.substring(module.lastIndexOf('/') + 1);
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "chunked-upload",
                "go-" + moduleAtVersion.replaceAll("[^A-Za-z0-9.]+", "-"));
        Path exe = dir.resolve("bin").resolve(binary);
        if (Files.isExecutable(exe)) {
            return exe;
        }
        try {
            Files.createDirectories(dir);
            Path log = Files.createTempFile("go-install-", ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of("go", "install", moduleAtVersion)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("GOBIN", dir.resolve("bin").toString());
            pb.environment().put("CGO_ENABLED", "0");
            pb.environment().putIfAbsent("GOFLAGS", "-mod=mod");
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("could not go install " + moduleAtVersion + " (needs the Go toolchain"
                        + " and the Go module proxy):\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not go install " + moduleAtVersion + ": " + e.getMessage()
                    + " (is Go installed and on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: go install " + moduleAtVersion, e);
        }
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("go install " + moduleAtVersion + " succeeded but " + exe + " is missing");
        }
        return exe;
    }
}
