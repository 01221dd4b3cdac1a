package org.chunkedupload.tck;

import org.chunkedupload.api.ProviderRegistry;

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
 * with its rule id, reported under the provider's own test class (two kits in one module never merge
 * their reports). The rules live in one class per family — {@link CapabilityRules}, {@link PartRules},
 * {@link ListPartsRules}, {@link CompleteOrderRules}, {@link CompleteValidationRules},
 * {@link ConditionalRules}, {@link PutRules}, {@link AbortRules}, {@link PendingRules}, {@link SessionRules}, {@link FaultRules} — that this
 * class inherits; their test methods are final, so a provider cannot override or remove a rule. Rules
 * that need an optional capability are skipped (never passed) when it is not
 * declared, and the skip message names the capability. The backend is opened through
 * {@link #registry()}, by default {@link ProviderRegistry#load()}, so the kit also proves that the
 * provider is registered with {@link java.util.ServiceLoader}.
 */
public abstract class ChunkedUploadTck extends FaultRules {
    /** A provider's kit: extend it and supply {@link #backendConfig()} and {@link #bucket()}. */
    protected ChunkedUploadTck() {
    }
}
