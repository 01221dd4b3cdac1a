package org.chunkedupload.tck;

import java.util.Map;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.tck.MemoryProvider.Defect;

/**
 * Kit wirings for the in-memory provider. Their names do not end in "Test", so the build runs them
 * only through {@link TckSelfTest}, which asserts which rules each one fails.
 */
final class MemoryKits {
    /** Every feature, and a 1 KiB minimum part size so that COMP-11 runs. */
    static final Capabilities FULL = Capabilities.builder().partSize(1024, 64 << 20).partNumbers(1, 10_000)
            .maxPartCount(10_000).addFeature(Feature.LIST_PARTS).addFeature(Feature.LIST_PENDING)
            .addFeature(Feature.CONDITIONAL_CREATE).addFeature(Feature.CONDITIONAL_MATCH)
            .addFeature(Feature.ISOLATED_UPLOADS).addFeature(Feature.SINGLE_REQUEST_PUT)
            .abortGuarantee(AbortGuarantee.immediate()).build();
    /** No optional feature at all. */
    static final Capabilities MINIMAL = Capabilities.builder().partSize(0, 1 << 20).partNumbers(1, 1000)
            .maxPartCount(1000).abortGuarantee(AbortGuarantee.eventual(java.time.Duration.ofDays(7))).build();

    private MemoryKits() {
    }

    abstract static class MemoryKit extends ChunkedUploadTck {
        private final ProviderRegistry registry;

        MemoryKit(Defect defect, Capabilities caps) {
            this.registry = ProviderRegistry.of(new MemoryProvider(defect, caps));
        }

        @Override
        protected BackendConfig backendConfig() {
            return BackendConfig.of("mem", Map.of("secret-token", "s3cr3t-value"));
        }

        @Override
        protected String bucket() {
            return "kit";
        }

        @Override
        protected ProviderRegistry registry() {
            return registry;
        }
    }

    static final class CorrectKit extends MemoryKit {
        CorrectKit() {
            super(Defect.NONE, FULL);
        }
    }

    static final class MinimalKit extends MemoryKit {
        MinimalKit() {
            super(Defect.NONE, MINIMAL);
        }
    }

    static final class JoinsInUploadOrderKit extends MemoryKit {
        JoinsInUploadOrderKit() {
            super(Defect.JOIN_IN_UPLOAD_ORDER, FULL);
        }
    }

    static final class AbortDoesNothingKit extends MemoryKit {
        AbortDoesNothingKit() {
            super(Defect.ABORT_DOES_NOTHING, FULL);
        }
    }

    /** The abort defect, declared as a deviation of the backend: reported, not failed. */
    static final class DeclaredDeviationKit extends MemoryKit {
        DeclaredDeviationKit() {
            super(Defect.ABORT_DOES_NOTHING, FULL);
        }

        @Override
        protected Map<String, String> deviations() {
            return Map.of("ABRT-01", "abort is a no-op", "ABRT-02", "abort is a no-op", "ABRT-03", "abort is a no-op",
                    "ABRT-04", "abort is a no-op", "ABRT-05", "abort is a no-op", "PEND-02", "abort is a no-op");
        }
    }

    /** A deviation declared for a rule the backend keeps. */
    static final class StaleDeviationKit extends MemoryKit {
        StaleDeviationKit() {
            super(Defect.NONE, FULL);
        }

        @Override
        protected Map<String, String> deviations() {
            return Map.of("COMP-01", "claimed but untrue");
        }
    }

    static final class AcceptsStaleReceiptsKit extends MemoryKit {
        AcceptsStaleReceiptsKit() {
            super(Defect.ACCEPTS_STALE_RECEIPTS, FULL);
        }
    }

    /** Declares that its store verifies part CRC-32Cs, then moves file parts unread and checks nothing. */
    static final class MovesUnreadUnverifiedKit extends MemoryKit {
        MovesUnreadUnverifiedKit() {
            super(Defect.MOVES_UNREAD_UNVERIFIED, FULL.toBuilder().addFeature(Feature.PART_CHECKSUM)
                    .addChecksumAlgorithm(org.chunkedupload.api.ChecksumAlgorithm.CRC32C).build());
        }
    }

    /** Keeps only the first 64 KiB of each part and reports the whole size. */
    static final class TruncatesPartsKit extends MemoryKit {
        TruncatesPartsKit() {
            super(Defect.TRUNCATES_PARTS, FULL);
        }
    }
}
