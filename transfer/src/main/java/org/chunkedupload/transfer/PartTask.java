package org.chunkedupload.transfer;

import java.io.InputStream;

/**
 * One part to send: its number, where it starts in the source, its length, and how to open its
 * body afresh (every attempt re-reads it).
 *
 * @param partNumber the part number
 * @param offset byte offset in the source (0 for stream parts, which are buffered)
 * @param length bytes
 * @param body opens the part's bytes
 */
record PartTask(int partNumber, long offset, long length, Body body) {
    /** Opens the body of one part afresh. */
    interface Body {
        InputStream open();
    }

    /**
     * @param plan the plan
     * @param source the source the plan cuts
     * @param index the part's index in the plan
     * @return the plan's part at {@code index}
     */
    static PartTask of(PartPlan plan, PartSources source, int index) {
        long offset = plan.offset(index);
        long length = plan.length(index);
        return new PartTask(plan.partNumber(index), offset, length, () -> source.open(offset, length));
    }
}
