package org.chunkedupload.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.chunkedupload.api.ZeroCopySource;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One HTTP/1.1 request whose body goes by {@link ZeroCopySource#transferTo} on a
 * {@link PlainHttpConnection}, and its answer, read whole (an upload-part answer is a few headers,
 * an error a short XML document). The request line and headers are exactly the signed request's;
 * {@code Expect: 100-continue} is honoured as the SDK's Apache client does (the body waits up to
 * {@value #CONTINUE_WAIT_MILLIS} ms for the server's go-ahead, and is not sent when the server
 * answers at once).
 */
final class PlainHttpExchange {
    static final long CONTINUE_WAIT_MILLIS = 3000;
    private static final int MAX_BODY = 1 << 20;
    private static final long CHUNK = 8L << 20;

    /**
     * @param response the server's answer
     * @param reusable whether the connection may carry another request
     * @param bodySent whether the whole body went out (not when the server answered before it)
     */
    record Outcome(HttpExecuteResponse response, boolean reusable, boolean bodySent) {
    }

    private PlainHttpExchange() {
    }

    /**
     * @param c the connection
     * @param request the signed request
     * @param body its body
     * @param length the body's length (the request's Content-Length)
     * @param expectContinue whether to ask for the server's go-ahead before the body
     * @param timeout the longest silence of the server (taking no bytes, or sending none)
     * @return the answer
     * @throws IOException when the exchange fails before an answer was read
     */
    static Outcome send(PlainHttpConnection c, SdkHttpRequest request, ZeroCopySource body, long length,
                        boolean expectContinue, Duration timeout) throws IOException {
        c.write(ByteBuffer.wrap(head(request, expectContinue)), timeout);
        if (expectContinue && c.hasInput(Duration.ofMillis(Math.min(CONTINUE_WAIT_MILLIS, timeout.toMillis())))) {
            Outcome early = read(c, timeout, true);
            if (early != null) {
                return new Outcome(early.response(), false, false); // refused before the body: the connection is spent
            }
        }
        long sent = 0;
        try {
            while (sent < length) {
                long n = body.transferTo(c.channel(), Math.min(CHUNK, length - sent));
                if (n < 0) {
                    throw new IOException("the part's body ended after " + sent + " of " + length + " bytes");
                }
                if (n == 0) {
                    c.awaitWritable(timeout);
                }
                sent += n;
            }
        } catch (IOException e) {
            try {
                if (c.hasInput(Duration.ofMillis(200))) { // the server refused it mid-way and said why
                    Outcome refused = read(c, timeout, false);
                    return new Outcome(refused.response(), false, false);
                }
            } catch (IOException noAnswer) {
                e.addSuppressed(noAnswer);
            }
            throw e;
        }
        return read(c, timeout, false);
    }

    /** The request line and headers, as ISO-8859-1 bytes (what the SDK's Apache client sends). */
    static byte[] head(SdkHttpRequest r, boolean expectContinue) {
        StringBuilder h = new StringBuilder(1024).append(r.method().name()).append(' ')
                .append(r.encodedPath().isEmpty() ? "/" : r.encodedPath());
        SdkHttpUtils.encodeAndFlattenQueryParameters(r.rawQueryParameters()).ifPresent(q -> h.append('?').append(q));
        h.append(" HTTP/1.1\r\n");
        if (r.firstMatchingHeader("Host").isEmpty()) {
            h.append("Host: ").append(r.host());
            if (!SdkHttpUtils.isUsingStandardPort(r.protocol(), r.port())) {
                h.append(':').append(r.port());
            }
            h.append("\r\n");
        }
        r.forEachHeader((name, values) -> values.forEach(v -> h.append(name).append(": ").append(v).append("\r\n")));
        if (expectContinue) {
            h.append("Expect: 100-continue\r\n");
        }
        return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param untilContinue whether a 100 (Continue) ends the read, with {@code null}
     * @return the final answer, or {@code null} for a 100 when {@code untilContinue}
     */
    private static Outcome read(PlainHttpConnection c, Duration timeout, boolean untilContinue) throws IOException {
        while (true) {
            String status = c.readLine(timeout);
            String[] p = status.split(" ", 3);
            if (p.length < 2 || !p[0].startsWith("HTTP/1.")) {
                throw new IOException("the server answered with something other than HTTP: '" + status + "'");
            }
            int code;
            try {
                code = Integer.parseInt(p[1]);
            } catch (NumberFormatException e) {
                throw new IOException("the server answered with a malformed status line: '" + status + "'");
            }
            SdkHttpResponse.Builder r = SdkHttpResponse.builder().statusCode(code).statusText(p.length > 2 ? p[2] : "");
            for (String line = c.readLine(timeout); !line.isEmpty(); line = c.readLine(timeout)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    r.appendHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            if (code >= 100 && code < 200) {
                if (code == 100 && untilContinue) {
                    return null;
                }
                continue; // an interim answer: the final one follows
            }
            SdkHttpResponse response = r.build();
            boolean reusable = p[0].equals("HTTP/1.1") && !hasToken(response, "Connection", "close");
            byte[] entity;
            if (code == 204 || code == 304) {
                entity = new byte[0];
            } else if (hasToken(response, "Transfer-Encoding", "chunked")) {
                entity = chunked(c, timeout);
            } else if (response.firstMatchingHeader("Content-Length").isPresent()) {
                entity = new byte[contentLength(response.firstMatchingHeader("Content-Length").get())];
                c.readFully(entity, 0, entity.length, timeout);
            } else {
                entity = untilClosed(c, timeout);
                reusable = false;
            }
            return new Outcome(HttpExecuteResponse.builder().response(response)
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(entity))).build(), reusable, true);
        }
    }

    private static boolean hasToken(SdkHttpResponse r, String header, String token) {
        return r.matchingHeaders(header).stream().flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(t -> t.trim().toLowerCase(Locale.ROOT).equals(token));
    }

    private static int contentLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > MAX_BODY) {
                throw new IOException("the server's answer to a part upload declares " + n + " bytes");
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new IOException("the server's answer has a malformed Content-Length: '" + value + "'");
        }
    }

    private static byte[] chunked(PlainHttpConnection c, Duration timeout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = c.readLine(timeout);
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("the server's chunked answer has a malformed chunk size: '" + sizeLine + "'");
            }
            if (size < 0 || out.size() + (long) size > MAX_BODY) {
                throw new IOException("the server's answer to a part upload is larger than " + MAX_BODY + " bytes");
            }
            if (size == 0) {
                while (!c.readLine(timeout).isEmpty()) {
                    // trailers: none is used
                }
                return out.toByteArray();
            }
            byte[] chunk = new byte[size];
            c.readFully(chunk, 0, size, timeout);
            out.write(chunk, 0, size);
            c.readLine(timeout); // the CR LF after the chunk
        }
    }

    private static byte[] untilClosed(PlainHttpConnection c, Duration timeout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b = c.readSome(64 * 1024, timeout); b.length > 0; b = c.readSome(64 * 1024, timeout)) {
            if (out.size() + b.length > MAX_BODY) {
                throw new IOException("the server's answer to a part upload is larger than " + MAX_BODY + " bytes");
            }
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}
