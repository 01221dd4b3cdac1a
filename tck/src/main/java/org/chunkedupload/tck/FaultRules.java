package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.tck.FaultProxy.Action;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * Rules FAULT-*: faults on the write path. For a provider that speaks HTTP/1.1 to its server and
 * names the server's address ({@link #faultProxyTarget()}), the kit puts its own {@link FaultProxy}
 * between the provider and the real server and injects one fault per rule. Providers without an
 * address skip these rules, with the reason.
 */
public abstract class FaultRules extends SessionRules {
    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected FaultRules() {
    }

    /**
     * The address ({@code host:port}) of the HTTP server behind the backend under test, as it
     * appears in the backend's settings (an endpoint, a host, a connection string). The kit starts a
     * fault proxy, puts the proxy's address in its place in every setting, and runs the FAULT rules
     * through it.
     *
     * @return {@code host:port}, or {@code null} (the default) when the provider does not speak HTTP
     *     to a server the kit can reach: the FAULT rules are then skipped
     */
    protected @Nullable String faultProxyTarget() {
        return null;
    }

    /**
     * The name of the provider's per-request timeout setting (the longest silence of the server it
     * waits for; it must take a duration such as {@code 2000ms}), for FAULT-04.
     *
     * @return the setting's name, or {@code null} (the default) when the provider has none: FAULT-04
     *     is then skipped
     */
    protected @Nullable String requestTimeoutSetting() {
        return null;
    }

    /** Opens a backend whose traffic goes through a new fault proxy driven by {@code rule}. */
    private StorageBackend throughProxy(FaultProxy.Rule rule) {
        return throughProxy(rule, backendConfig());
    }

    private StorageBackend throughProxy(FaultProxy.Rule rule, BackendConfig config) {
        String target = faultProxyTarget();
        Assumptions.assumeTrue(target != null, "SKIPPED: the kit names no HTTP server for this provider"
                + " (faultProxyTarget()), so no fault can be injected on the wire");
        FaultProxy proxy;
        try {
            proxy = new FaultProxy(Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)), rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        closeAfterRule(proxy);
        Map<String, String> settings = new LinkedHashMap<>();
        config.settings().forEach((k, v) -> settings.put(k, v.replace(target, proxy.address())));
        return adopt(registry().open(BackendConfig.of(config.provider(), settings)));
    }

    /** @return whether the failure is one the engine may retry: a retryable {@link ChunkedUploadException} */
    private static boolean retryable(RuntimeException e) {
        return e instanceof ChunkedUploadException c && c.retryable();
    }

    @Hint("that a connection reset while a part's body is being sent is either retried by your provider (re-reading the part from its start) or reported as retryable(), and that a retried part replaces, never extends, what the first attempt left.")
    @Test
    @Tag("MUST")
    @DisplayName("FAULT-01 a connection reset in the middle of a part is retryable and leaves no duplicate data")
    final void fault01() {
        int size = partSize() * 2;
        AtomicBoolean once = new AtomicBoolean();
        StorageBackend b = throughProxy(r -> r.contentLength() >= size / 2 && once.compareAndSet(false, true)
                ? Action.RESET_MID_BODY : Action.FORWARD);
        String k = key("fault01");
        ChunkedUploadSession s = track(b.initiate(new ObjectTarget(b.providerId(), bucket, k)));
        PartReceipt p1;
        try {
            p1 = upload(s, 1, size);
        } catch (RuntimeException e) {
            assertTrue(retryable(e), "a reset mid-body must be reported as retryable(), got: " + e);
            p1 = upload(s, 1, size); // what the engine does
        }
        PartReceipt p2 = upload(s, 2, 100);
        assertTrue(once.get(), "the fault was injected");
        complete(s, p1, p2);
        assertObject(k, new int[][] {{1, size}, {2, 100}});
    }

    @Hint("what your provider does when the response to complete is lost: its transport may retry, and a store whose complete is not idempotent then answers 'no such upload'; the API resolves that case by checking the object (size and CRC-32C), so your stat() must report the object's size (and a whole-object CRC-32C where the store keeps one).")
    @Test
    @Tag("MUST")
    @DisplayName("FAULT-02 a lost response to complete ends with the object and never with NoSuchUpload")
    final void fault02() {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicBoolean once = new AtomicBoolean();
        StorageBackend b = throughProxy(r -> armed.get() && (r.method().equals("POST") || r.method().equals("PUT"))
                && once.compareAndSet(false, true) ? Action.DROP_RESPONSE : Action.FORWARD);
        String k = key("fault02");
        ChunkedUploadSession s = track(b.initiate(new ObjectTarget(b.providerId(), bucket, k)));
        int size = partSize();
        PartReceipt p1 = upload(s, 1, size);
        PartReceipt p2 = upload(s, 2, 300);
        armed.set(true); // the first write after this is complete's commit
        try {
            UploadResult r = complete(s, p1, p2);
            assertTrue(r.size() == size + 300L, "the result reports the object's size: " + r);
        } catch (NoSuchUploadException e) {
            throw new AssertionError("complete reported NoSuchUpload although its commit reached the store", e);
        } catch (ChunkedUploadException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a precise error, got: " + e);
        }
        assertTrue(once.get(), "the fault was injected");
        assertObject(k, new int[][] {{1, size}, {2, 300}});
    }

    @Hint("how your provider maps HTTP statuses: 5xx and throttling must end in success (a transport retry) or a retryable() exception; other 4xx must not be retryable().")
    @Test
    @Tag("MUST")
    @DisplayName("FAULT-03 a 503 on a part is retried or retryable; a 400 is not retryable")
    final void fault03() {
        int size = partSize();
        AtomicBoolean unavailable = new AtomicBoolean();
        AtomicBoolean bad = new AtomicBoolean();
        StorageBackend b = throughProxy(r -> r.contentLength() >= size / 2
                ? unavailable.compareAndSet(false, true) ? Action.UNAVAILABLE_503
                : bad.get() ? Action.BAD_REQUEST_400 : Action.FORWARD
                : Action.FORWARD);
        String k = key("fault03");
        ChunkedUploadSession s = track(b.initiate(new ObjectTarget(b.providerId(), bucket, k)));
        try {
            upload(s, 1, size);
        } catch (RuntimeException e) {
            assertTrue(retryable(e), "a 503 must be retried or reported as retryable(), got: " + e);
        }
        assertTrue(unavailable.get(), "the 503 was injected");
        bad.set(true);
        RuntimeException refused = null;
        try {
            upload(s, 2, size);
        } catch (RuntimeException e) {
            refused = e;
        }
        assertTrue(refused instanceof ChunkedUploadException, "a 400 must fail the part with a ChunkedUploadException,"
                + " got: " + refused);
        assertFalse(retryable(refused), "a 400 must not be retryable(): " + refused);
    }

    @Hint("your provider's request timeout (socket or read timeout) and its transport's retries: a server that accepts the connection and never answers must end the call with a retryable() ChunkedUploadException within a few timeouts, never hang.")
    @Test
    @Tag("MUST")
    @DisplayName("FAULT-04 a server that stops answering is abandoned within the request timeout")
    final void fault04() {
        java.time.Duration timeout = java.time.Duration.ofSeconds(2);
        Assumptions.assumeTrue(faultProxyTarget() != null, "SKIPPED: the kit names no HTTP server for this provider"
                + " (faultProxyTarget()), so no fault can be injected on the wire");
        String setting = requestTimeoutSetting();
        Assumptions.assumeTrue(setting != null, "SKIPPED: the kit names no request-timeout setting for this provider"
                + " (requestTimeoutSetting())");
        Map<String, String> settings = new LinkedHashMap<>(backendConfig().settings());
        settings.put(setting, timeout.toMillis() + "ms");
        BackendConfig config = BackendConfig.of(backendConfig().provider(), settings);
        AtomicBoolean silent = new AtomicBoolean();
        StorageBackend b = throughProxy(r -> silent.get() ? Action.SILENT : Action.FORWARD, config);
        ChunkedUploadSession s = track(b.initiate(new ObjectTarget(b.providerId(), bucket, key("fault04"))));
        silent.set(true);
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            upload(s, 1, 1000);
        } catch (RuntimeException e) {
            failure = e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failure instanceof ChunkedUploadException && retryable(failure),
                "a silent server must end the part with a retryable ChunkedUploadException, got: " + failure);
        assertTrue(seconds < timeout.toSeconds() * 10 + 5, "the part waited " + seconds + " s with a "
                + timeout.toSeconds() + " s request timeout");
    }
}
