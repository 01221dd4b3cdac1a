package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chunkedupload.testsupport.Emulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers: put fails in bounded time, naming the endpoint and the setting. */
class SilentServerTest {
    @TempDir
    Path tmp;
    ServerSocket silent;
    final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept()); // read nothing, answer nothing
                }
            } catch (IOException e) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private String endpoint() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    private CliTest.Run put(String... extra) throws IOException {
        Path f = Files.write(tmp.resolve("f.bin"), new byte[1 << 20]);
        List<String> args = new java.util.ArrayList<>(List.of("put", f.toString(), "s3://b/k", "--quiet", "-o",
                "endpoint=" + endpoint(), "-o", "access-key-id=x", "-o", "secret-access-key=y"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void aSilentServerFailsEachRequestWithinTheSocketTimeoutNamingEndpointAndSetting() throws IOException {
        long start = System.nanoTime();
        CliTest.Run r = put("-o", "socket-timeout=1s");
        double secs = (System.nanoTime() - start) / 1e9;
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(endpoint()) && r.err().contains("socket-timeout"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(secs < 30, "took " + secs + " s");
    }

    @Test
    void aStalledTransferFailsAfterTheStallTimeoutNamingEndpointAndSetting() throws IOException {
        long start = System.nanoTime();
        CliTest.Run r = put("-o", "socket-timeout=60s", "--stall-timeout", "2s");
        double secs = (System.nanoTime() - start) / 1e9;
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(endpoint()) && r.err().contains("stall-timeout"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(secs < 20, "took " + secs + " s");
    }

    /** GCS and Azure: their SDKs retry within the call, so the bound is a few read timeouts, not one. */
    @Test
    void aSilentGcsOrAzureStoreFailsInBoundedTimeNamingTheSetting() throws IOException {
        Path f = Files.write(tmp.resolve("g.bin"), new byte[1000]);
        String azure = "connection-string=" + Emulators.azuriteConnectionString(endpoint());
        for (List<String> target : List.of(List.of("gs://b/k", "host=" + endpoint()), List.of("az://b/k", azure))) {
            long start = System.nanoTime();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"put", f.toString(), target.get(0), "-o", target.get(1), "-o",
                    "read-timeout=1s", "--retries", "1", "--quiet"}, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true));
            double secs = (System.nanoTime() - start) / 1e9;
            assertEquals(1, code, err.toString());
            assertTrue(err.toString().contains("no answer in time") && err.toString().contains("read-timeout"), err.toString());
            BadInputCatalogTest.assertOneSentence(err.toString());
            assertTrue(secs < 40, target.get(0) + " took " + secs + " s");
        }
    }

    @Test
    void timeoutsTakeDurations() {
        for (String bad : new String[] {"connect-timeout=soon", "socket-timeout=-1s"}) {
            CliTest.Run r;
            try {
                r = put("-o", bad);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("duration"), r.err());
        }
    }
}
