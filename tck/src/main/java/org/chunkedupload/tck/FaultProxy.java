package org.chunkedupload.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 proxy between a provider and a real server that injects faults into chosen
 * requests; the FAULT rules of the kit drive it, and a provider author can run it by hand to
 * reproduce a failure. Each client connection carries one request (the proxy asks the server to
 * close after its response, and closes the client connection after relaying it), so requests are
 * easy to tell apart. Faults: reset the connection halfway through a request body; let the server
 * process a request but drop its response; answer with a status of the proxy's own (503, 400, or
 * S3's {@code NoSuchUpload}) without asking the server; let the server process a request and hold
 * the response forever; hold the request without answering (a silent server).
 */
public final class FaultProxy implements AutoCloseable {
    /** What to do with one request. */
    public enum Action {
        /** Relay the request and the response unchanged. */
        FORWARD,
        /** Send half of the body to the server, then reset the client's connection. */
        RESET_MID_BODY,
        /** Let the server process the request, then reset the client's connection instead of answering. */
        DROP_RESPONSE,
        /** Answer 404 with S3's {@code NoSuchUpload} error, without asking the server. */
        NO_SUCH_UPLOAD,
        /** Answer 503 Service Unavailable, without asking the server. */
        UNAVAILABLE_503,
        /** Answer 400 Bad Request, without asking the server. */
        BAD_REQUEST_400,
        /** Let the server process the request, then never answer. */
        HOLD_RESPONSE,
        /** Read the request and never answer, without asking the server. */
        SILENT
    }

    /**
     * One request as the proxy saw it.
     *
     * @param method the HTTP method
     * @param uri the request target
     * @param contentLength the body length (0 when none was declared)
     * @param number 1 for the first request through this proxy, 2 for the next, ...
     */
    public record Request(String method, String uri, long contentLength, int number) {
        /** @return whether the request is a multipart complete of S3 ({@code POST ...?uploadId=...}) */
        public boolean isS3Complete() {
            return method.equals("POST") && uri.contains("uploadId=");
        }
    }

    /** Chooses the action for a request. */
    public interface Rule {
        /**
         * @param request the request
         * @return what to do with it
         */
        Action decide(Request request);

        /**
         * @param byCompleteNumber the action for the first, second, ... S3 complete request
         * @return a rule that forwards everything else
         */
        static Rule onS3Complete(java.util.function.IntFunction<Action> byCompleteNumber) {
            AtomicInteger n = new AtomicInteger();
            return r -> r.isS3Complete() ? byCompleteNumber.apply(n.incrementAndGet()) : Action.FORWARD;
        }
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Rule rule;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger completes = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    /** Counts down when a held response has been received from the server. */
    public final CountDownLatch held = new CountDownLatch(1);

    /**
     * Starts the proxy on a free loopback port.
     *
     * @param upstreamPort the real server's port on 127.0.0.1
     * @param rule chooses the fault for each request
     * @throws IOException when no port can be bound
     */
    public FaultProxy(int upstreamPort, Rule rule) throws IOException {
        this.upstreamPort = upstreamPort;
        this.rule = rule;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** @return how many S3 complete requests reached the proxy */
    public int completesSeen() {
        return completes.get();
    }

    /** @return how many requests got an action other than {@link Action#FORWARD} */
    public int injected() {
        return injected.get();
    }

    /** @return the proxy's address, {@code 127.0.0.1:PORT} */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** @return the proxy's base URL, {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket()) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String method = requestLine[0];
            String uri = requestLine[1];
            long length = contentLength(head);
            byte[] chunked = null; // a chunked body is read whole first, so that its length is known
            if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                if (head.toLowerCase(Locale.ROOT).contains("\r\nexpect: 100-continue")) {
                    client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                long[] decoded = new long[1];
                chunked = readChunked(in, decoded);
                length = decoded[0];
            }
            Request request = new Request(method, uri, length, requests.incrementAndGet());
            if (request.isS3Complete()) {
                completes.incrementAndGet();
            }
            Action action = rule.decide(request);
            if (action != Action.FORWARD) {
                injected.incrementAndGet();
            }
            if (chunked == null && head.toLowerCase(Locale.ROOT).contains("\r\nexpect: 100-continue")) {
                client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (action == Action.NO_SUCH_UPLOAD || action == Action.UNAVAILABLE_503 || action == Action.BAD_REQUEST_400
                    || action == Action.SILENT) {
                if (chunked == null) {
                    in.readNBytes((int) length);
                }
                if (action == Action.SILENT) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                String status = action == Action.NO_SUCH_UPLOAD ? "404 Not Found"
                        : action == Action.UNAVAILABLE_503 ? "503 Service Unavailable" : "400 Bad Request";
                String body = action == Action.NO_SUCH_UPLOAD ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                        + "NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>" : "";
                client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            OutputStream up = upstream.getOutputStream();
            up.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            if (action == Action.RESET_MID_BODY) {
                up.write(chunked != null ? java.util.Arrays.copyOf(chunked, chunked.length / 2) : in.readNBytes((int) (length / 2)));
                client.setSoLinger(true, 0); // RST, as a broken network does
                return;
            }
            byte[] buf = new byte[64 * 1024];
            if (chunked != null) {
                up.write(chunked);
            }
            for (long left = chunked != null ? 0 : length; left > 0; ) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    return;
                }
                up.write(buf, 0, r);
                left -= r;
            }
            up.flush();
            byte[] response = upstream.getInputStream().readAllBytes();
            switch (action) {
                case DROP_RESPONSE -> client.setSoLinger(true, 0);
                case HOLD_RESPONSE -> {
                    held.countDown();
                    Thread.sleep(Long.MAX_VALUE);
                }
                default -> client.getOutputStream().write(closing(response));
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to relay
        }
    }

    /**
     * The server's response with {@code Connection: close}: the proxy closes every connection after
     * one exchange, and a client that kept it for another request would fail on a closed socket.
     */
    private static byte[] closing(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return response;
        }
        StringBuilder head = new StringBuilder();
        for (String line : text.substring(0, end).split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = java.util.Arrays.copyOf(h, h.length + response.length - end - 4);
        System.arraycopy(response, end + 4, out, h.length, response.length - end - 4);
        return out;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; (c = in.read()) >= 0; ) {
            b.write(c);
            matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : c == '\r' ? 1 : 0;
            if (matched == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Reads a chunked body as it came (to relay it unchanged) and its decoded length into {@code decoded[0]}. */
    private static byte[] readChunked(InputStream in, long[] decoded) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, raw);
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine(in, raw).isEmpty()) {
                    // trailers
                }
                return raw.toByteArray();
            }
            raw.write(in.readNBytes((int) size));
            decoded[0] += size;
            readLine(in, raw); // the CRLF after the chunk
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            raw.write(c);
            if (c == '\n') {
                return line.toString().strip();
            }
            line.append((char) c);
        }
        throw new IOException("the request body ended inside a chunk header");
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static String withConnectionClose(String head) {
        StringBuilder b = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("connection:") && !lower.startsWith("expect:")) {
                b.append(line).append("\r\n");
            }
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    /** Stops accepting connections; connections in progress end with the test. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
