package org.chunkedupload.s3;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.chunkedupload.api.ZeroCopySource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The S3 provider's HTTP client: the SDK's Apache client for every request, except that a part read
 * from a local file travels from the page cache to the socket with {@code sendfile(2)} over plain
 * HTTP, its bytes never copied into the JVM.
 *
 * <p>That path is taken only for an upload-part request that the SDK has signed with
 * {@code UNSIGNED-PAYLOAD}, over plain HTTP, whose body is a part that says
 * {@link ZeroCopySource#zeroCopy()} (a file part whose CRC-32C the server verifies: see
 * {@link org.chunkedupload.api.ZeroCopySource}), and when no HTTP proxy is configured. Everything else
 * — signing, retries, error parsing — stays the SDK's: this class only moves the signed request and
 * returns the server's answer to the SDK. Through the SDK's Apache client each part crosses the JVM
 * in 4 KiB copies and leaves in 8 KiB socket writes; on the benchmark machine a JVM sending 1 GiB to
 * a loopback socket in 8 KiB writes spends about 1.5 s of CPU, with {@code sendfile} about 0.3 s,
 * and a 1 GiB put to versitygw took a third less client CPU this way (docs/benchmarks.md,
 * "Zero-copy parts").
 */
final class ZeroCopyHttpClient implements SdkHttpClient {
    private static final Duration MAX_IDLE = Duration.ofSeconds(20);
    private final SdkHttpClient delegate;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final boolean expectContinue;
    private final int maxIdle;
    private final Map<String, Deque<PlainHttpConnection>> idle = new ConcurrentHashMap<>();
    private final LongAdder zeroCopyBytes = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param delegate the client for every other request
     * @param connectTimeout the longest wait for a connection
     * @param socketTimeout the longest silence of the server within a request
     * @param expectContinue whether a part waits for the server's go-ahead
     * @param maxIdle the most idle connections kept per server
     */
    ZeroCopyHttpClient(SdkHttpClient delegate, Duration connectTimeout, Duration socketTimeout,
                       boolean expectContinue, int maxIdle) {
        this.delegate = delegate;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.expectContinue = expectContinue;
        this.maxIdle = maxIdle;
    }

    /** @return whether an HTTP proxy is configured (system properties or environment), which this path would bypass */
    static boolean proxyConfigured() {
        return !blank(System.getProperty("http.proxyHost")) || !blank(System.getenv("HTTP_PROXY"))
                || !blank(System.getenv("http_proxy"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** @return the bytes sent with {@code sendfile} so far */
    long zeroCopyBytes() {
        return zeroCopyBytes.sum();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!eligible(request)) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            private volatile ExecutableHttpRequest delegated;
            private volatile PlainHttpConnection current;
            private volatile boolean aborted;

            @Override
            public HttpExecuteResponse call() throws IOException {
                ContentStreamProvider provider = request.contentStreamProvider().orElseThrow();
                PartStreams.Opened body = PartStreams.open(provider);
                if (!(body.own() instanceof ZeroCopySource z) || !z.zeroCopy()) {
                    delegated = delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                            .contentStreamProvider(firstThen(body.wrapped(), provider)).build());
                    return delegated.call();
                }
                long length = Long.parseLong(request.httpRequest().firstMatchingHeader("Content-Length").orElseThrow());
                SdkHttpRequest r = request.httpRequest();
                for (int attempt = 1; ; attempt++) {
                    PlainHttpConnection c = connection(r.host(), r.port());
                    current = c;
                    if (aborted) {
                        c.close();
                        throw new IOException("the request was aborted");
                    }
                    try {
                        PlainHttpExchange.Outcome o = PlainHttpExchange.send(c, r, z, length, expectContinue, socketTimeout);
                        if (o.bodySent()) {
                            zeroCopyBytes.add(length);
                        }
                        release(r.host(), r.port(), c, o.reusable());
                        return o.response();
                    } catch (IOException | RuntimeException e) {
                        c.close();
                        if (attempt > 1 || !c.reused() || c.answered() || aborted || Thread.currentThread().isInterrupted()) {
                            throw e;
                        }
                        // a pooled connection the server had closed: once more on a new one, with the part reopened
                        body = PartStreams.open(provider);
                        if (!(body.own() instanceof ZeroCopySource again) || !again.zeroCopy()) {
                            throw e;
                        }
                        z = again;
                    }
                }
            }

            @Override
            public void abort() {
                aborted = true;
                ExecutableHttpRequest d = delegated;
                if (d != null) {
                    d.abort();
                }
                PlainHttpConnection c = current;
                if (c != null) {
                    c.close();
                }
            }
        };
    }

    private static boolean eligible(HttpExecuteRequest request) {
        SdkHttpRequest r = request.httpRequest();
        return request.contentStreamProvider().isPresent() && r.method() == SdkHttpMethod.PUT
                && "http".equalsIgnoreCase(r.protocol())
                && r.rawQueryParameters().containsKey("uploadId") && r.rawQueryParameters().containsKey("partNumber")
                && r.firstMatchingHeader("x-amz-content-sha256").filter("UNSIGNED-PAYLOAD"::equals).isPresent()
                && r.firstMatchingHeader("Content-Length").isPresent()
                && r.firstMatchingHeader("Transfer-Encoding").isEmpty()
                && r.firstMatchingHeader("Content-Encoding").isEmpty();
    }

    /** A body provider whose first stream is one already opened, then fresh ones. */
    private static ContentStreamProvider firstThen(InputStream first, ContentStreamProvider rest) {
        AtomicBoolean used = new AtomicBoolean();
        return () -> used.compareAndSet(false, true) ? first : rest.newStream();
    }

    private PlainHttpConnection connection(String host, int port) throws IOException {
        Deque<PlainHttpConnection> pool = idle.get(host + ":" + port);
        for (PlainHttpConnection c = pool == null ? null : pool.pollFirst(); c != null; c = pool.pollFirst()) {
            if (c.usable(MAX_IDLE)) {
                return c;
            }
            c.close();
        }
        return PlainHttpConnection.open(host, port, connectTimeout);
    }

    private void release(String host, int port, PlainHttpConnection c, boolean reusable) {
        Deque<PlainHttpConnection> pool = idle.computeIfAbsent(host + ":" + port, k -> new ConcurrentLinkedDeque<>());
        if (!reusable || closed.get() || pool.size() >= maxIdle) {
            c.close();
            return;
        }
        c.idle();
        pool.addFirst(c);
        if (closed.get() && pool.remove(c)) {
            c.close();
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            idle.values().forEach(pool -> {
                for (PlainHttpConnection c = pool.pollFirst(); c != null; c = pool.pollFirst()) {
                    c.close();
                }
            });
            delegate.close();
        }
    }
}
