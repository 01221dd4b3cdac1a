package org.chunkedupload.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chunkedupload.api.Capabilities;
import org.junit.jupiter.api.Test;

class GrowthScheduleTest {
    private static final long MIB = 1L << 20;

    @Test
    void s3LimitsAreReachedWithTheSlowestGrowth() {
        Capabilities s3 = Capabilities.builder().partSize(5 * MIB, 1L << 30).maxObjectSize(5L << 40).build();
        GrowthSchedule g = new GrowthSchedule(8 * MIB, s3);
        assertTrue(g.reachable() >= 5L << 40, "reaches 5 TiB: " + g);
        assertEquals(8 * MIB, g.partSize(g.tierLength() - 1));
        assertEquals(16 * MIB, g.partSize(g.tierLength()));
        assertTrue(g.tierLength() > 500, "parts stay at 8 MiB for the first " + g.tierLength() + " parts");
    }

    @Test
    void anUnreachableLimitDoesNotMakePartsDoubleEveryTime() {
        Capabilities huge = Capabilities.builder().partSize(0, 1L << 30).maxObjectSize(Long.MAX_VALUE).build();
        GrowthSchedule g = new GrowthSchedule(8 * MIB, huge);
        assertTrue(g.tierLength() > 100, "tier length " + g.tierLength());
        assertEquals(8 * MIB, g.largestPartFor(1L << 30), "a 1 GiB stream keeps 8 MiB parts");
    }

    @Test
    void equalPartSizesNeverGrow() {
        Capabilities r2 = Capabilities.builder().partSize(5 * MIB, 5L << 30).requireEqualPartSizes(true).build();
        GrowthSchedule g = new GrowthSchedule(8 * MIB, r2);
        assertEquals(8 * MIB, g.partSize(9_999));
        assertEquals(10_000L * 8 * MIB, g.reachable());
    }
}
