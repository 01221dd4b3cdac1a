package org.chunkedupload.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The CLI in a child JVM, as a user runs it: real signals, real exit codes, real stderr. */
final class ChildCli implements AutoCloseable {
    final Process process;
    private final Path err;

    ChildCli(Path dir, String... args) throws IOException {
        this(dir, java.util.Map.of(), javaCommand(args));
    }

    /** Runs {@code command} (usually starting with {@link #javaCommand}) with extra environment variables. */
    ChildCli(Path dir, java.util.Map<String, String> env, List<String> command) throws IOException {
        this.err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(Files.createTempFile(dir, "stdout", ".txt").toFile());
        pb.environment().putAll(env);
        this.process = pb.start();
    }

    /** @return the command line that runs the CLI with these arguments in a new JVM */
    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Sends a signal (INT, TERM, ...) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit within " + limit + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
