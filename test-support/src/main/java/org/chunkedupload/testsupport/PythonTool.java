package org.chunkedupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pinned PyPI package installed into its own virtual environment under
 * {@code ~/.cache/chunked-upload/venv-<name>-<version>} on first use (so a fresh machine needs only
 * python3 with venv and network access to PyPI), and reused afterwards.
 */
public final class PythonTool {
    private PythonTool() {
    }

    /**
     * @param requirement a pip requirement with an exact version, e.g. {@code moto[server]==5.2.1}
     * @param importCheck a Python module that must import once installed
     * @return the venv's python executable
     */
    public static Path ensure(String requirement, String importCheck) {
        String dirName = "venv-" + requirement.replaceAll("[^A-Za-z0-9.]+", "-");
        Path venv = Path.of(System.getProperty("user.home"), ".cache", "chunked-upload", dirName);
        Path python = venv.resolve("bin").resolve("python3");
        Path ok = venv.resolve(".installed");
        if (Files.exists(ok)) {
            return python;
        }
        run(List.of("python3", "-m", "venv", "--clear", venv.toString()), "create a Python venv at " + venv);
        run(List.of(python.toString(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement),
                "pip install " + requirement);
        run(List.of(python.toString(), "-c", "import " + importCheck), "import " + importCheck);
        try {
            Files.writeString(ok, requirement + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return python;
    }

    private static void run(List<String> cmd, String what) {
        try {
            Path log = Files.createTempFile("pip-", ".log");
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("could not " + what + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }
}
