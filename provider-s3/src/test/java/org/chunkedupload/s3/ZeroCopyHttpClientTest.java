package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.tck.FilePartStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * {@link ZeroCopyHttpClient} against a scripted HTTP server on a loopback socket: what goes on the
 * wire for a file part, and how refusals, connection reuse and a silent server are handled.
 */
class ZeroCopyHttpClientTest {
    @TempDir
    Path dir;
    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    /** One request's handling: reads what it needs from {@code in}, answers on {@code out}; false closes the connection. */
    interface Script {
        boolean handle(String head, InputStream in, OutputStream out) throws IOException;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    private String serve(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    accepted.add(s);
                    Thread c = new Thread(() -> {
                        try (s) {
                            InputStream in = s.getInputStream();
                            for (String head = head(in); head != null; head = head(in)) {
                                heads.add(head);
                                if (!script.handle(head, in, s.getOutputStream())) {
                                    return;
                                }
                            }
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.size() >= 4 && b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    private byte[] body(String head, InputStream in) throws IOException {
        byte[] b = in.readNBytes(contentLength(head));
        bodies.add(b);
        return b;
    }

    private static void ok(OutputStream out, String etag) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nETag: \"" + etag + "\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private Path file(int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(dir.resolve("part-" + size), b);
    }

    private record Client(S3Settings settings, SdkHttpClient http, S3Client s3) implements AutoCloseable {
        @Override
        public void close() {
            s3.close();
            http.close();
        }
    }

    private static Client client(String endpoint, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(Map.of("endpoint", endpoint, "access-key-id", "AKID",
                "secret-access-key", "secret", "socket-timeout", "2s"));
        all.putAll(extra);
        S3Settings settings = S3Settings.from(BackendConfig.of("s3", all));
        SdkHttpClient http = settings.httpClient();
        return new Client(settings, http, settings.client(http, false));
    }

    private static UploadPartResponse put(Client c, int partNumber, InputStream first,
                                          java.util.function.Supplier<InputStream> reopen, long length) {
        PartContent part = new PartContent(partNumber, first, length, null, reopen);
        return c.s3().uploadPart(r -> r.bucket("bucket").key("dir/key").uploadId("u-1").partNumber(partNumber)
                .contentLength(length).checksumCRC32C("AAAAAA=="),
                RequestBody.fromContentProvider(PartStreams.of(part), length, "application/octet-stream"));
    }

    private static java.util.function.Supplier<InputStream> opener(Path f) {
        return () -> FilePartStream.open(f);
    }

    @Test
    void aFilePartGoesUnreadWithTheSignedHeadersAndComesBackAsTheServersAnswer() throws IOException {
        String url = serve((head, in, out) -> {
            body(head, in);
            ok(out, "etag-1");
            return true;
        });
        Path f = file(3 << 20);
        try (Client c = client(url, Map.of("expect-continue", "false"))) {
            ZeroCopyHttpClient http = assertInstanceOf(ZeroCopyHttpClient.class, c.http());
            UploadPartResponse r = put(c, 1, FilePartStream.open(f), opener(f), Files.size(f));
            assertEquals("\"etag-1\"", r.eTag());
            assertArrayEquals(Files.readAllBytes(f), bodies.get(0));
            assertEquals(Files.size(f), http.zeroCopyBytes());
            String head = heads.get(0);
            assertTrue(head.startsWith("PUT /bucket/dir/key?"), head);
            assertTrue(head.contains("partNumber=1") && head.contains("uploadId=u-1"), head);
            assertTrue(head.contains("\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/"), head);
            assertTrue(head.contains("\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\n"), head);
            assertTrue(head.contains("\r\nx-amz-checksum-crc32c: AAAAAA==\r\n"), head);
            assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.getLocalPort() + "\r\n"), head);
            assertTrue(!head.contains("Expect:"), head);
        }
    }

    @Test
    void theBodyWaitsForTheServersGoAheadAndConnectionsAreReused() throws IOException {
        AtomicInteger early = new AtomicInteger();
        String url = serve((head, in, out) -> {
            assertTrue(head.contains("\r\nExpect: 100-continue\r\n"), head);
            sleep(300);
            early.addAndGet(in.available()); // nothing of the body before the go-ahead
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            body(head, in);
            ok(out, "etag-" + bodies.size());
            return true;
        });
        Path f = file(1 << 20);
        try (Client c = client(url, Map.of())) {
            assertEquals("\"etag-1\"", put(c, 1, FilePartStream.open(f), opener(f), Files.size(f)).eTag());
            assertEquals("\"etag-2\"", put(c, 2, FilePartStream.open(f), opener(f), Files.size(f)).eTag());
        }
        assertEquals(0, early.get());
        assertEquals(1, accepted.size(), "one connection for both parts");
        assertArrayEquals(Files.readAllBytes(f), bodies.get(1));
    }

    @Test
    void aRefusalBeforeTheBodyReachesTheSdkAsTheServersError() throws IOException {
        String url = serve((head, in, out) -> {
            String xml = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>";
            out.write(("HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\nContent-Type: application/xml\r\n\r\n"
                    + Integer.toHexString(xml.length()) + "\r\n" + xml + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return false;
        });
        Path f = file(1 << 20);
        try (Client c = client(url, Map.of())) {
            S3Exception e = assertThrows(S3Exception.class, () -> put(c, 1, FilePartStream.open(f), opener(f), Files.size(f)));
            assertEquals(403, e.statusCode());
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            assertEquals(0, assertInstanceOf(ZeroCopyHttpClient.class, c.http()).zeroCopyBytes(), "no body went out");
        }
        assertTrue(bodies.isEmpty());
    }

    @Test
    void aServerThatTakesNothingFailsThePartWithinTheSocketTimeout() throws IOException {
        String url = serve((head, in, out) -> {
            sleep(20_000); // reads nothing, answers nothing
            return false;
        });
        Path f = file(64 << 20);
        try (Client c = client(url, Map.of("expect-continue", "false"))) {
            long began = System.nanoTime();
            Exception e = assertThrows(Exception.class, () -> put(c, 1, FilePartStream.open(f), opener(f), Files.size(f)));
            long took = (System.nanoTime() - began) / 1_000_000;
            assertTrue(took < 10_000, "took " + took + " ms");
            assertTrue(String.valueOf(e.getMessage()).contains("within 2s"), e.toString());
        }
    }

    @Test
    void aCancelledUploadEndsItsPartAtOnceNotAtTheSocketTimeout() throws Exception {
        String url = serve((head, in, out) -> {
            sleep(20_000); // takes nothing: the part waits on a full socket
            return false;
        });
        Path f = file(64 << 20);
        try (Client c = client(url, Map.of("expect-continue", "false", "socket-timeout", "60s"))) {
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread part = new Thread(() -> {
                try {
                    put(c, 1, FilePartStream.open(f), opener(f), Files.size(f));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            part.start();
            Thread.sleep(500);
            long began = System.nanoTime();
            part.interrupt(); // what Transfer.cancel does to a part's worker
            part.join(10_000);
            assertTrue(!part.isAlive(), "the part still waits on the socket after its thread was interrupted");
            assertTrue((System.nanoTime() - began) / 1_000_000 < 5_000);
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure.get(); t != null; t = t.getCause()) {
                chain.append(t).append(" <- ");
            }
            assertTrue(chain.toString().contains("upload cancelled"), chain.toString());
        }
    }

    @Test
    void aServerThatClosesWithoutAnsweringFailsThePartWithoutARetryOnAFreshConnection() throws IOException {
        String url = serve((head, in, out) -> {
            body(head, in);
            return false; // the answer is lost
        });
        Path f = file(1 << 20);
        try (Client c = client(url, Map.of("expect-continue", "false"))) {
            Exception e = assertThrows(Exception.class, () -> put(c, 1, FilePartStream.open(f), opener(f), Files.size(f)));
            assertTrue(String.valueOf(e.getMessage()).contains("closed the connection"), e.toString());
        }
        assertEquals(1, bodies.size(), "a part whose answer was lost on a new connection is left to the engine's retry");
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedAndThePartArrives() throws IOException {
        String url = serve((head, in, out) -> {
            body(head, in);
            ok(out, "etag-" + bodies.size());
            return false; // closes after every answer, without saying "Connection: close"
        });
        Path f = file(1 << 20);
        try (Client c = client(url, Map.of("expect-continue", "false"))) {
            assertEquals("\"etag-1\"", put(c, 1, FilePartStream.open(f), opener(f), Files.size(f)).eTag());
            sleep(200); // the server's close reaches the pooled connection
            assertEquals("\"etag-2\"", put(c, 2, FilePartStream.open(f), opener(f), Files.size(f)).eTag());
        }
        assertEquals(2, accepted.size());
        assertArrayEquals(Files.readAllBytes(f), bodies.get(1));
    }

    @Test
    void aBodyThatMustBeReadGoesThroughTheSdksClient() throws IOException {
        byte[] data = "seventeen bytes!!".getBytes(StandardCharsets.UTF_8);
        String url = serve((head, in, out) -> {
            body(head, in);
            ok(out, "etag-1");
            return true;
        });
        try (Client c = client(url, Map.of("expect-continue", "false"))) {
            ZeroCopyHttpClient http = assertInstanceOf(ZeroCopyHttpClient.class, c.http());
            put(c, 1, new ByteArrayInputStream(data), () -> new ByteArrayInputStream(data), data.length);
            assertEquals(0, http.zeroCopyBytes());
        }
        assertArrayEquals(data, bodies.get(0));
    }

    @Test
    void onlyAPlainHttpEndpointWithVerifiedChecksumsAndNoProxyGetsIt() {
        assertInstanceOf(ZeroCopyHttpClient.class, client("http://127.0.0.1:9", Map.of()).http());
        assertTrue(!(client("http://127.0.0.1:9", Map.of("zero-copy", "false")).http() instanceof ZeroCopyHttpClient));
        assertTrue(!(client("http://127.0.0.1:9", Map.of("checksum-mode", "none")).http() instanceof ZeroCopyHttpClient));
        assertTrue(!(client("https://127.0.0.1:9", Map.of()).http() instanceof ZeroCopyHttpClient));
        String before = System.getProperty("http.proxyHost");
        System.setProperty("http.proxyHost", "proxy.example");
        try {
            assertTrue(!(client("http://127.0.0.1:9", Map.of()).http() instanceof ZeroCopyHttpClient));
        } finally {
            if (before == null) {
                System.clearProperty("http.proxyHost");
            } else {
                System.setProperty("http.proxyHost", before);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
