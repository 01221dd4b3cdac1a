package org.chunkedupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A wire-protocol server (an emulator) run as a local process on a free loopback port for the
 * length of a test class: started, waited for until it accepts connections, and stopped (with its
 * child processes) afterwards or when the JVM exits. Its output goes to a log file whose tail is
 * included in the error when it does not start. Once it has stopped, its log and the scratch
 * directory it was given (its store) are deleted, links inside not followed: test runs leave
 * nothing behind in the temporary directory.
 */
public final class LocalServer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Path scratch;

    private LocalServer(String name, Process process, int port, Path log, Path scratch) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.scratch = scratch;
    }

    /** @return a TCP port that was free on 127.0.0.1 a moment ago */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code command} and waits until {@code port} accepts connections.
     *
     * @param name a short name for messages and the log file
     * @param command the command line
     * @param env extra environment variables
     * @param port the port the server was told to use
     * @param timeout how long to wait for it
     * @return the running server
     * @throws IllegalStateException with the log's tail when it exits or does not open the port in time
     */
    public static LocalServer start(String name, List<String> command, Map<String, String> env, int port,
                                    Duration timeout) {
        return start(name, command, env, port, timeout, null);
    }

    /**
     * Starts {@code command}, which keeps its data in {@code scratch}, and waits until {@code port}
     * accepts connections.
     *
     * @param name a short name for messages and the log file
     * @param command the command line
     * @param env extra environment variables
     * @param port the port the server was told to use
     * @param timeout how long to wait for it
     * @param scratch a directory this server alone uses, deleted when it has stopped; or {@code null}
     * @return the running server
     * @throws IllegalStateException with the log's tail when it exits or does not open the port in time
     */
    public static LocalServer start(String name, List<String> command, Map<String, String> env, int port,
                                    Duration timeout, Path scratch) {
        try {
            Path log = Files.createTempFile(name + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            LocalServer server = new LocalServer(name, p, port, log, scratch);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-" + name));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    String tail = server.logTail();
                    server.close();
                    throw new IllegalStateException(name + " exited with " + p.exitValue() + " before it listened on port "
                            + port + ":\n" + tail);
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            String tail = server.logTail();
            server.close();
            throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout + ":\n"
                    + tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the last 40 lines of the server's output */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Asks the server and its child processes to stop (SIGTERM) and waits for it to exit.
     *
     * @param grace how long to wait
     * @return whether it exited within {@code grace}; a server that does not is still running
     */
    public boolean terminate(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the server and its child processes (SIGTERM, and SIGKILL after 10 s), then deletes its
     * log and scratch directory. Idempotent.
     */
    @Override
    public void close() {
        if (!terminate(Duration.ofSeconds(10))) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) { // a server still writing there would recreate what is deleted
            ScratchFiles.delete(scratch);
            ScratchFiles.delete(log);
        }
    }

    @Override
    public String toString() {
        return name + " on " + url();
    }
}
