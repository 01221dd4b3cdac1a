package org.chunkedupload.transfer;

import org.chunkedupload.api.Capabilities;

/**
 * Part sizes for a stream of unknown length. Parts come in tiers of {@link #tierLength()} parts;
 * each tier doubles the part size of the one before, up to the provider's maximum part size. The
 * tier length is the largest for which {@link Capabilities#maxPartCount()} parts still reach the
 * provider's maximum object size, so that the part-count limit is never reached before the
 * object-size limit while memory grows as slowly as possible. For providers without a practical
 * object-size limit the schedule aims at {@value #UNBOUNDED_TARGET_TIB} TiB; where even parts of the
 * maximum size cannot reach the target, it aims at half of the largest reachable size. Where the provider requires equal
 * part sizes, every part has the first size and the reachable size is that size times the part count.
 *
 * <p>Example (S3: 10,000 parts, 5 GiB max part, 5 TiB max object, first part 16 MiB): 2,500 parts
 * of 16 MiB (39 GiB), then 2,500 of 32 MiB, 2,500 of 64 MiB, 2,500 of 128 MiB: reachable 586 GiB...
 * growing further only when needed; {@link #reachable()} gives the exact figure.
 */
public final class GrowthSchedule {
    /** The stream size aimed at when the provider's own object limit is larger. */
    public static final long UNBOUNDED_TARGET_TIB = 10;
    private final long first;
    private final long maxPart;
    private final int maxParts;
    private final boolean equal;
    private final int tier;

    /**
     * @param firstPartSize the size of the first tier's parts
     * @param caps the provider's capabilities
     */
    public GrowthSchedule(long firstPartSize, Capabilities caps) {
        this.first = Math.max(1, Math.min(firstPartSize, caps.maxPartSize()));
        this.maxPart = caps.maxPartSize();
        this.maxParts = caps.maxPartCount();
        this.equal = caps.requiresEqualPartSizes();
        this.tier = equal ? maxParts : chooseTier(Math.min(caps.maxObjectSize(), UNBOUNDED_TARGET_TIB << 40));
    }

    private int chooseTier(long target) {
        int lo = 1;
        int hi = maxParts;
        if (capacity(lo) < target) {
            // even the fastest growth cannot reach the object limit: aim at half of what is reachable,
            // which keeps parts small for ordinary streams instead of doubling every part
            target = capacity(lo) / 2;
        }
        while (lo < hi) { // largest tier whose capacity still reaches the target
            int mid = (int) (((long) lo + hi + 1) / 2);
            if (capacity(mid) >= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private long capacity(int tierLength) {
        long total = 0;
        for (int start = 0; start < maxParts; start += tierLength) {
            int n = Math.min(tierLength, maxParts - start);
            long size = sizeAt(start / tierLength);
            if (size > 0 && total > Long.MAX_VALUE - (long) n * Math.min(size, Long.MAX_VALUE / n)) {
                return Long.MAX_VALUE;
            }
            total += n * size;
        }
        return total;
    }

    private long sizeAt(int tierIndex) {
        if (tierIndex >= 62 || first > (maxPart >> Math.min(tierIndex, 62))) {
            return maxPart;
        }
        return Math.min(maxPart, first << tierIndex);
    }

    /**
     * @param index 0-based part index
     * @return the size of that part (the last part of a stream may be shorter)
     */
    public long partSize(int index) {
        return sizeAt(index / tier);
    }

    /** @return how many parts each size tier has */
    public int tierLength() {
        return tier;
    }

    /** @return the largest stream this schedule can upload */
    public long reachable() {
        return capacity(tier);
    }

    /**
     * @param bytes a stream length
     * @return the size of the largest part used for a stream of that length
     */
    public long largestPartFor(long bytes) {
        long sum = 0;
        for (int i = 0; i < maxParts; i++) {
            sum += partSize(i);
            if (sum >= bytes) {
                return partSize(i);
            }
        }
        return partSize(maxParts - 1);
    }

    /**
     * @param bytes a stream length
     * @return the number of parts a stream of that length takes, or -1 when it exceeds {@link #reachable()}
     */
    public int partsFor(long bytes) {
        long sum = 0;
        for (int i = 0; i < maxParts; i++) {
            sum += partSize(i);
            if (sum >= bytes) {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return equal ? "equal parts of " + first + " bytes" : "parts of " + first + " bytes, doubling every " + tier
                + " parts up to " + partSize(maxParts - 1) + " bytes";
    }

    /** Streams never use parts above 1 GiB, whatever the provider allows: memory holds concurrency + 1 of them. */
    private static final long MAX_STREAM_PART = 1L << 30;

    /**
     * @param caps the provider's capabilities
     * @param partSize the configured first part size, or 0 for automatic
     * @param providerId the provider id, for messages
     * @return the schedule of a stream of unknown length
     * @throws org.chunkedupload.api.PartSizeException when the first part is below the provider's minimum
     */
    static GrowthSchedule forStream(Capabilities caps, long partSize, String providerId) {
        long first = partSize > 0 ? partSize : Math.max(Uploader.DEFAULT_STREAM_PART_SIZE, caps.minPartSize());
        if (first < caps.minPartSize()) {
            PartPlan.of(Long.MAX_VALUE / 4, caps, first, providerId); // throws, naming the minimum
        }
        Capabilities bounded = caps.maxPartSize() <= MAX_STREAM_PART ? caps
                : caps.toBuilder().partSize(caps.minPartSize(), Math.max(MAX_STREAM_PART, caps.minPartSize())).build();
        return new GrowthSchedule(Math.min(first, bounded.maxPartSize()), bounded);
    }
}
