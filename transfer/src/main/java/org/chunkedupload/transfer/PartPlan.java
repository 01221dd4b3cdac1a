package org.chunkedupload.transfer;

import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.ObjectTooLargeException;
import org.chunkedupload.api.PartTooLargeException;
import org.chunkedupload.api.PartTooSmallException;

/**
 * How an object of known size is cut into parts: equal parts of {@link #partSize()} bytes and a
 * last part holding the rest. Computed before any byte moves, so an impossible request fails
 * first, with a message naming the limit.
 *
 * @param objectSize the object size in bytes
 * @param partSize the size of every part but the last
 * @param partCount the number of parts (at least 1; an empty object is one empty part)
 * @param firstPartNumber the number of the first part; part {@code i} (0-based) is number {@code firstPartNumber + i}
 */
public record PartPlan(long objectSize, long partSize, int partCount, int firstPartNumber) {
    /** Default part size when none is requested and the provider prefers none: 16 MiB. */
    public static final long DEFAULT_PART_SIZE = 16L << 20;

    /**
     * @param objectSize the object size
     * @param caps the provider's capabilities
     * @param requestedPartSize a part size, or 0 to choose automatically
     * @param providerId the provider id, for messages
     * @return the plan
     * @throws PartTooSmallException when the requested size is below the provider minimum
     * @throws PartTooLargeException when the requested part size is above the provider maximum
     * @throws ObjectTooLargeException when the object is above the provider maximum
     * @throws InvalidPartException when the object needs more parts than the provider allows
     */
    public static PartPlan of(long objectSize, Capabilities caps, long requestedPartSize, String providerId) {
        if (objectSize < 0) {
            throw new IllegalArgumentException("object size must be >= 0");
        }
        if (objectSize > caps.maxObjectSize()) {
            throw new ObjectTooLargeException(objectSize + " bytes exceed the maximum object size " + caps.maxObjectSize()
                    + " of provider " + providerId + ": no part size can store it there");
        }
        long partSize = requestedPartSize > 0 ? requestedPartSize : auto(objectSize, caps);
        if (partSize < caps.minPartSize() && objectSize > partSize) {
            throw new PartTooSmallException("part size " + partSize + " is below the minimum part size "
                    + caps.minPartSize() + " of provider " + providerId + ": use --part-size " + caps.minPartSize()
                    + " or more");
        }
        if (partSize > caps.maxPartSize()) {
            throw new PartTooLargeException("part size " + partSize + " is above the maximum part size "
                    + caps.maxPartSize() + " of provider " + providerId);
        }
        long count = objectSize == 0 ? 1 : (objectSize + partSize - 1) / partSize;
        if (count > caps.maxPartCount()) {
            long needed = (objectSize + caps.maxPartCount() - 1) / caps.maxPartCount();
            throw new InvalidPartException(objectSize + " bytes in parts of " + partSize + " bytes need " + count
                    + " parts, above the maximum of " + caps.maxPartCount() + " of provider " + providerId
                    + ": use a part size of at least " + needed + " bytes");
        }
        return new PartPlan(objectSize, partSize, (int) count, caps.minPartNumber());
    }

    private static long auto(long objectSize, Capabilities caps) {
        long bySize = (objectSize + caps.maxPartCount() - 1) / caps.maxPartCount();
        long preferred = caps.preferredPartSize() > 0 ? caps.preferredPartSize() : DEFAULT_PART_SIZE;
        long size = Math.max(Math.max(preferred, caps.minPartSize()), bySize);
        long mib = 1L << 20;
        size = (size + mib - 1) / mib * mib;
        return Math.min(size, caps.maxPartSize());
    }

    /**
     * @param index 0-based part index
     * @return the byte offset of that part in the object
     */
    public long offset(int index) {
        return index * partSize;
    }

    /**
     * @param index 0-based part index
     * @return the length of that part
     */
    public long length(int index) {
        return index == partCount - 1 ? objectSize - offset(index) : partSize;
    }

    /**
     * @param index 0-based part index
     * @return the part number of that part
     */
    public int partNumber(int index) {
        return firstPartNumber + index;
    }
}
