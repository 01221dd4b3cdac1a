package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared fixture of every rule group: opens the backend under test before each rule, gives each
 * rule its own key prefix, and afterwards aborts every upload and deletes every object the rule
 * made, plus the hooks a provider's kit supplies ({@link #backendConfig()}, {@link #bucket()}, ...).
 * The rule families form one line of inheritance — this class, then {@link CapabilityRules},
 * {@link PartRules}, ... {@link SessionRules}, then {@link ChunkedUploadTck} — so that every rule runs
 * as a test of the provider's own class and is reported under its name. Rule methods are final, so
 * no provider can replace a rule; a family that needs an optional feature checks it in each rule.
 */
@org.junit.jupiter.api.extension.ExtendWith(DeviationHandler.class)
public abstract class TckRules {
    private final List<StorageBackend> backends = new ArrayList<>();
    private final List<ChunkedUploadSession> sessions = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    /** The backend under test, opened before each rule. */
    protected StorageBackend backend;
    /** Its capabilities. */
    protected Capabilities caps;
    /** The bucket under test. */
    protected String bucket;
    /** A key prefix unique to the running rule. */
    protected String prefix;

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected TckRules() {
    }

    /** @return the configuration of the backend under test; may start a server on first call */
    protected abstract org.chunkedupload.api.BackendConfig backendConfig();

    /** @return an existing bucket the kit may write to; every key it uses starts with {@code tck/} */
    protected abstract String bucket();

    /** @return where providers are looked up; override only to test unregistered providers */
    protected org.chunkedupload.api.ProviderRegistry registry() {
        return org.chunkedupload.api.ProviderRegistry.load();
    }

    /**
     * Rules the backend under test is known to break because the <em>server</em> deviates from the
     * store it emulates (never to excuse the provider). Each rule still runs; a failure is reported
     * as an aborted test whose message starts with "DEVIATION", gives this evidence and the observed
     * failure; a declared rule that passes fails the kit, so the list stays true.
     *
     * @return rule id → evidence (what the server does instead, and where that is documented)
     */
    protected java.util.Map<String, String> deviations() {
        return java.util.Map.of();
    }

    /**
     * The largest part PART-09 uploads: the provider's {@code maxPartSize}, but at most this. Raise it
     * to prove larger parts; lower it only for a store that is slow for a documented reason.
     *
     * @return the cap in bytes (default 64 MiB)
     */
    protected long largePartCap() {
        return 64L << 20;
    }

    @BeforeEach
    final void openBackend() {
        backend = freshBackend();
        caps = backend.capabilities();
        bucket = bucket();
        prefix = "tck/" + UUID.randomUUID().toString().substring(0, 13) + "/";
    }

    @AfterEach
    final void cleanUp() {
        for (ChunkedUploadSession s : sessions) {
            quietly(s::abort);
        }
        if (caps.supports(Feature.LIST_PENDING)) {
            quietly(() -> {
                for (PendingUpload p : backend.listPending(bucket, prefix)) {
                    quietly(() -> backend.resume(p.handle()).abort());
                }
            });
        }
        for (String k : keys) {
            quietly(() -> backend.delete(bucket, k));
        }
        backends.forEach(StorageBackend::close);
        for (AutoCloseable c : closeLast) { // after the clean-up above, which may still need them
            try {
                c.close();
            } catch (Exception e) {
                // best effort, like the rest of the clean-up
            }
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // cleanup is best effort; the rule itself reported what matters
        }
    }


    /** @return a new backend instance with the kit's configuration, closed after the rule */
    /**
     * @param c something a rule started (a server, a proxy) that the clean-up may still use
     * @param <T> its type
     * @return it, closed after everything else of the rule
     */
    protected final <T extends AutoCloseable> T closeAfterRule(T c) {
        closeLast.add(c);
        return c;
    }

    /**
     * @param b a backend a rule opened itself
     * @return it, closed after the rule
     */
    protected final StorageBackend adopt(StorageBackend b) {
        backends.add(b);
        return b;
    }

    protected final StorageBackend freshBackend() {
        StorageBackend b = registry().open(backendConfig());
        backends.add(b);
        return b;
    }

    /**
     * @param name a short name
     * @return a key under this rule's prefix, deleted after the rule
     */
    protected final String key(String name) {
        String k = prefix + name;
        keys.add(k);
        return k;
    }

    /**
     * @param key a key from {@link #key(String)}
     * @return a new upload, aborted after the rule if still open
     */
    protected final ChunkedUploadSession start(String key) {
        return track(backend.initiate(new ObjectTarget(backend.providerId(), bucket, key)));
    }

    /**
     * @param s a session to abort after the rule
     * @return {@code s}
     */
    protected final ChunkedUploadSession track(ChunkedUploadSession s) {
        sessions.add(s);
        return s;
    }

    /**
     * Skips the rule, naming the capability, unless the provider declares {@code feature}.
     *
     * @param feature the needed feature
     */
    protected final void requires(Feature feature) {
        Assumptions.assumeTrue(caps.supports(feature), () -> "SKIPPED: capability " + feature
                + " is not declared by provider " + backend.providerId());
    }

    /**
     * Skips the rule, naming the capability, when the provider declares {@code feature}: for rules
     * that check what a provider without the feature promises instead.
     *
     * @param feature the feature whose absence the rule checks
     */
    protected final void requiresAbsent(Feature feature) {
        Assumptions.assumeFalse(caps.supports(feature), () -> "SKIPPED: capability " + feature
                + " is declared by provider " + backend.providerId() + "; the rule checks the behaviour without it");
    }

    /** @return the size the kit uses for non-last parts: the provider minimum, at least 4 KiB */
    protected final int partSize() {
        return (int) Math.min(Math.max(caps.minPartSize(), 4096), 64L << 20);
    }

    /**
     * Uploads part {@code n} filled with its pattern.
     *
     * @param s the session
     * @param n the part number
     * @param size the size
     * @return the receipt
     */
    protected static PartReceipt upload(ChunkedUploadSession s, int n, int size) {
        return s.uploadPart(n, Payloads.part(n, size));
    }

    /**
     * @param parts the expected parts, as (part number, size) pairs in object order
     * @return the SHA-256 the object must have
     */
    protected static String expected(int[][] parts) {
        List<byte[]> bytes = new ArrayList<>();
        for (int[] p : parts) {
            bytes.add(Payloads.part(p[0], p[1]));
        }
        return Payloads.sha256(bytes);
    }

    /**
     * Asserts the object at {@code key} is exactly the given parts joined in the given order.
     *
     * @param key the key
     * @param parts (part number, size) pairs in object order
     */
    protected final void assertObject(String key, int[][] parts) {
        long size = 0;
        for (int[] p : parts) {
            size += p[1];
        }
        assertEquals(size, backend.stat(bucket, key).orElseThrow(
                () -> new AssertionError("no object at " + key + " after complete")).size(), "object size");
        assertEquals(expected(parts), Payloads.sha256(backend.read(bucket, key)),
                "object bytes (SHA-256): parts were lost, mis-ordered or damaged");
    }

    /** @param key a key at which no object may exist */
    protected final void assertNoObject(String key) {
        assertTrue(backend.stat(bucket, key).isEmpty(), "an object appeared at " + key);
    }

    /**
     * Asserts that the upload no longer exists, by every probe the provider declares.
     *
     * @param s the session
     */
    protected final void assertGone(ChunkedUploadSession s) {
        if (caps.supports(Feature.LIST_PARTS)) {
            assertThrows(NoSuchUploadException.class, s::listParts, "listParts on a finished upload");
        }
        if (caps.supports(Feature.LIST_PENDING)) {
            assertFalse(backend.listPending(bucket, prefix).stream()
                    .anyMatch(p -> p.uploadId().equals(s.handle().uploadId())), "the finished upload is still pending");
        }
    }

    /**
     * @param s a session
     * @param receipts the receipts
     * @return the result
     */
    protected static UploadResult complete(ChunkedUploadSession s, PartReceipt... receipts) {
        return s.complete(List.of(receipts));
    }

    /**
     * @param type the expected exception type
     * @param r the action
     * @param <T> the type
     * @return the exception
     */
    protected static <T extends ChunkedUploadException> T expect(Class<T> type, Runnable r) {
        return assertThrows(type, r::run);
    }
}
