package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.PartTooLargeException;
import org.chunkedupload.api.PartTooSmallException;
import org.junit.jupiter.api.Test;

class PartPlanTest {
    private static final long MIB = 1L << 20;
    private static final Capabilities S3_LIKE = Capabilities.builder().partSize(5 * MIB, 5L << 30)
            .partNumbers(1, 10_000).maxPartCount(10_000).maxObjectSize(5L << 40).build();

    @Test
    void automaticSizingUsesTheDefaultAndCoversTheObject() {
        PartPlan p = PartPlan.of(1L << 30, S3_LIKE, 0, "s3");
        assertEquals(16 * MIB, p.partSize());
        assertEquals(64, p.partCount());
        assertEquals((1L << 30) - 16 * MIB, p.offset(63));
        assertEquals(16 * MIB, p.length(63));
        assertEquals(64, p.partNumber(63));
    }

    @Test
    void aProvidersPreferredPartSizeReplacesTheDefaultButNotARequestedSize() {
        Capabilities prefers64 = S3_LIKE.toBuilder().preferredPartSize(64 * MIB).build();
        assertEquals(64 * MIB, PartPlan.of(1L << 30, prefers64, 0, "fs").partSize());
        assertEquals(16, PartPlan.of(1L << 30, prefers64, 0, "fs").partCount());
        assertEquals(8 * MIB, PartPlan.of(1L << 30, prefers64, 8 * MIB, "fs").partSize(), "a requested size wins");
        // the part-count limit still rules: 5 TiB in 10,000 parts needs more than 64 MiB
        assertTrue(PartPlan.of(5L << 40, prefers64, 0, "fs").partSize() > 64 * MIB);
        // limits narrowed below the preference (settings, test fixtures): the preference yields to them
        assertEquals(MIB, PartPlan.of(10 * MIB, prefers64.toBuilder().partSize(0, MIB).maxObjectSize(1L << 30).build(),
                0, "fs").partSize());
        assertEquals(5 * MIB, PartPlan.of(1L << 30, S3_LIKE.toBuilder().preferredPartSize(MIB).build(), 0, "s3")
                .partSize(), "never below the minimum");
        assertThrows(IllegalArgumentException.class, () -> S3_LIKE.toBuilder().preferredPartSize(-1).build());
    }

    @Test
    void automaticSizingGrowsSoThePartCountLimitIsNeverHit() {
        PartPlan p = PartPlan.of(5L << 40, S3_LIKE, 0, "s3");
        assertTrue(p.partCount() <= 10_000, "parts: " + p.partCount());
        long covered = (p.partCount() - 1) * p.partSize() + p.length(p.partCount() - 1);
        assertEquals(5L << 40, covered);
    }

    @Test
    void emptyObjectsAreOneEmptyPart() {
        PartPlan p = PartPlan.of(0, S3_LIKE, 0, "s3");
        assertEquals(1, p.partCount());
        assertEquals(0, p.length(0));
    }

    @Test
    void impossibleRequestsFailBeforeAnyByteMovesNamingTheLimit() {
        assertTrue(assertThrows(PartTooSmallException.class, () -> PartPlan.of(100 * MIB, S3_LIKE, MIB, "s3"))
                .getMessage().contains("below the minimum part size 5242880 of provider s3"));
        assertThrows(PartTooLargeException.class, () -> PartPlan.of(100 * MIB, S3_LIKE, 6L << 30, "s3"));
        assertTrue(assertThrows(InvalidPartException.class, () -> PartPlan.of(100_000 * 6 * MIB, S3_LIKE, 6 * MIB, "s3"))
                .getMessage().contains("use a part size of at least"));
        assertThrows(org.chunkedupload.api.ObjectTooLargeException.class, () -> PartPlan.of(6L << 40, S3_LIKE, 0, "s3"));
        assertEquals(1, PartPlan.of(MIB, S3_LIKE, MIB, "s3").partCount(), "a single small part is fine");
    }
}
