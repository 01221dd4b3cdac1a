package org.chunkedupload.cli;

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
 * A loopback HTTP proxy between a client and a real server that injects faults into chosen
 * requests. Each client connection carries one request (the proxy asks the server to close after
 * its response, and closes the client connection after relaying it), so requests are easy to tell
 * apart. Faults: reset the connection halfway through a request body; let the server process a
 * request but drop its response; answer a request with S3's {@code NoSuchUpload} without asking the
 * server; let the server process a request and hold the response forever.
 */
final class FaultProxy implements AutoCloseable {
    /** What to do with one request. */
    enum Action { FORWARD, RESET_MID_BODY, DROP_RESPONSE, NO_SUCH_UPLOAD, HOLD_RESPONSE }

    /** Chooses the action for a request. */
    interface Rule {
        Action decide(String method, String uri, int completeNumber);
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Rule rule;
    private final AtomicInteger completes = new AtomicInteger();
    /** Counts down when a held response has been received from the server. */
    final CountDownLatch held = new CountDownLatch(1);

    FaultProxy(int upstreamPort, Rule rule) throws IOException {
        this.upstreamPort = upstreamPort;
        this.rule = rule;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** @return how many complete requests reached the proxy */
    int completesSeen() {
        return completes.get();
    }

    String url() {
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
            boolean complete = method.equals("POST") && uri.contains("uploadId=");
            Action action = rule.decide(method, uri, complete ? completes.incrementAndGet() : 0);
            long length = contentLength(head);
            if (head.toLowerCase(Locale.ROOT).contains("\r\nexpect: 100-continue")) {
                client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (action == Action.NO_SUCH_UPLOAD) {
                in.readNBytes((int) length);
                String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchUpload</Code><Message>The"
                        + " specified upload does not exist.</Message></Error>";
                client.getOutputStream().write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                return;
            }
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
            OutputStream up = upstream.getOutputStream();
            up.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            if (action == Action.RESET_MID_BODY) {
                up.write(in.readNBytes((int) (length / 2)));
                client.setSoLinger(true, 0); // RST, as a broken network does
                return;
            }
            byte[] buf = new byte[64 * 1024];
            for (long left = length; left > 0; ) {
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
                default -> client.getOutputStream().write(response);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to relay
        }
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}
