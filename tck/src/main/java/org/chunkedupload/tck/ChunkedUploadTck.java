package org.chunkedupload.tck;

import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The compatibility kit. A provider proves conformance with one small test class:
 *
 * <pre>{@code
 * class MyStoreTckTest extends ChunkedUploadTck {
 *     protected BackendConfig backendConfig() { return BackendConfig.of("my", Map.of("endpoint", url)); }
 *     protected String bucket() { return "tck-bucket"; }
 * }
 * }</pre>
 *
 * <p>Every rule of {@code docs/spec/chunked-upload.md} runs as a test whose display name starts
 * with its rule id. Rules are grouped in {@link Nested} classes that a provider cannot override or
 * remove; rules that need an optional capability are skipped (never passed) when it is not
 * declared, and the skip message names the capability. The backend is opened through
 * {@link #registry()}, by default {@link ProviderRegistry#load()}, so the kit also proves that the
 * provider is registered with {@link java.util.ServiceLoader}.
 */
public abstract class ChunkedUploadTck {

    /** @return the configuration of the backend under test; may start a server on first call */
    protected abstract BackendConfig backendConfig();

    /** @return an existing bucket the kit may write to; every key it uses starts with {@code tck/} */
    protected abstract String bucket();

    /** @return where providers are looked up; override only to test unregistered providers */
    protected ProviderRegistry registry() {
        return ProviderRegistry.load();
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

    final StorageBackend openBackend() {
        return registry().open(backendConfig());
    }

    /** CAP-*, INIT-*. */
    @Nested
    @DisplayName("capabilities and initiate")
    final class CapabilityTests extends CapabilityRules {
        CapabilityTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** PART-*. */
    @Nested
    @DisplayName("upload part")
    final class PartTests extends PartRules {
        PartTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** LIST-*. */
    @Nested
    @DisplayName("list parts")
    final class ListPartsTests extends ListPartsRules {
        ListPartsTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** COMP ordering rules. */
    @Nested
    @DisplayName("complete: ordering")
    final class CompleteOrderTests extends CompleteOrderRules {
        CompleteOrderTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** COMP validation rules. */
    @Nested
    @DisplayName("complete: validation and result")
    final class CompleteValidationTests extends CompleteValidationRules {
        CompleteValidationTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** COND-*. */
    @Nested
    @DisplayName("conditional complete")
    final class ConditionalTests extends ConditionalRules {
        ConditionalTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** ABRT-*. */
    @Nested
    @DisplayName("abort")
    final class AbortTests extends AbortRules {
        AbortTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** PEND-*. */
    @Nested
    @DisplayName("pending uploads")
    final class PendingTests extends PendingRules {
        PendingTests() {
            super(ChunkedUploadTck.this);
        }
    }

    /** CONC-*, RES-*. */
    @Nested
    @DisplayName("sessions: concurrency and resume")
    final class SessionTests extends SessionRules {
        SessionTests() {
            super(ChunkedUploadTck.this);
        }
    }
}
