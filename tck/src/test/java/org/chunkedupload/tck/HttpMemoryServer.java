package org.chunkedupload.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;

/**
 * A small HTTP/1.1 object store for the kit's self-tests of the FAULT rules: a correct in-memory
 * store ({@link MemoryProvider}) behind plain HTTP, so that the kit's fault proxy can stand between
 * it and {@link HttpMemoryProvider}. Every call is one request; a body that ends early (a reset
 * connection) is never stored.
 */
final class HttpMemoryServer {
    private final HttpServer server;
    private final ProviderBackend store = new MemoryProvider(MemoryProvider.Defect.NONE, MemoryKits.FULL)
            .open(BackendConfig.of("mem", Map.of()));

    private HttpMemoryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-memory-store");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The one server of this JVM's self-tests. */
    static final HttpMemoryServer INSTANCE;

    static {
        try {
            INSTANCE = new HttpMemoryServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> q = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = query(x);
            byte[] body = x.getRequestBody().readAllBytes(); // throws when the body ends early: nothing is stored
            String answer;
            try {
                answer = switch (x.getRequestURI().getPath()) {
                    case "/initiate" -> store.initiate(q.get("bucket"), q.get("key"), UploadOptions.defaults()).handle()
                            .serialize();
                    case "/part" -> store.resume(UploadHandle.parse(q.get("handle"))).uploadPart(new PartContent(
                            Integer.parseInt(q.get("n")), new java.io.ByteArrayInputStream(body), body.length, null))
                            .serialize();
                    case "/complete" -> {
                        List<PartReceipt> receipts = new ArrayList<>();
                        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                            if (!line.isBlank()) {
                                receipts.add(PartReceipt.parse(line));
                            }
                        }
                        WritePrecondition pre = new WritePrecondition(WritePrecondition.Kind.valueOf(q.get("pre")), q.get("etag"));
                        UploadResult r = store.resume(UploadHandle.parse(q.get("handle"))).complete(receipts, pre);
                        yield r.size() + " " + r.etag();
                    }
                    case "/abort" -> {
                        store.resume(UploadHandle.parse(q.get("handle"))).abort();
                        yield "";
                    }
                    case "/stat" -> {
                        ObjectInfo o = store.stat(q.get("bucket"), q.get("key")).orElseThrow(
                                () -> new NoSuchObjectException("no object"));
                        yield o.size() + " " + o.etag();
                    }
                    case "/delete" -> Boolean.toString(store.delete(q.get("bucket"), q.get("key")));
                    case "/read" -> {
                        byte[] bytes = store.read(q.get("bucket"), q.get("key")).readAllBytes();
                        x.sendResponseHeaders(200, bytes.length);
                        x.getResponseBody().write(bytes);
                        yield null;
                    }
                    default -> throw new IllegalArgumentException("no such call " + x.getRequestURI().getPath());
                };
            } catch (NoSuchUploadException | NoSuchObjectException e) {
                reply(x, 404, e.getMessage());
                return;
            } catch (InvalidPartException e) {
                reply(x, 409, e.getMessage());
                return;
            } catch (PreconditionFailedException e) {
                reply(x, 412, e.getMessage());
                return;
            } catch (ChunkedUploadException | IllegalArgumentException e) {
                reply(x, 400, String.valueOf(e.getMessage()));
                return;
            }
            if (answer != null) {
                reply(x, 200, answer);
            }
        }
    }

    private static void reply(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
    }
}
