package org.chunkedupload.transfer;

/**
 * What an upload will do, computed without moving a byte ({@link Uploader#plan}).
 *
 * @param objectSize the object size, or -1 for a stream of unknown length
 * @param partSize the size of the first parts
 * @param largestPartSize the largest part size used (streams grow their parts)
 * @param partCount the number of parts, or -1 when the size is unknown
 * @param requests store requests in the best case: initiate, one per part, complete
 * @param peakBufferBytes the most memory the engine holds in part buffers at once (0 for files
 *     and buffers: their parts are read straight from the source)
 * @param maxObjectSize the largest object this plan can upload
 * @param schedule a one-line description of the part sizes
 */
public record TransferPlan(long objectSize, long partSize, long largestPartSize, int partCount, long requests,
                           long peakBufferBytes, long maxObjectSize, String schedule) {

    /**
     * What an upload of {@code size} bytes would do (see {@link Uploader#plan}).
     *
     * @param caps the provider's capabilities
     * @param providerId the provider id, for messages
     * @param size the object size, or -1 for a stream of unknown length
     * @param partSize the configured part size, or 0 for automatic
     * @param concurrency parts in flight
     * @return the plan
     */
    static TransferPlan of(org.chunkedupload.api.Capabilities caps, String providerId, long size, long partSize,
                           int concurrency) {
        if (size >= 0) {
            PartPlan p = PartPlan.of(size, caps, partSize, providerId);
            return new TransferPlan(size, p.partSize(), p.partCount() == 1 ? size : p.partSize(), p.partCount(),
                    p.partCount() + 2L, 0, Math.min(caps.maxObjectSize(), p.partSize() * caps.maxPartCount()),
                    p.partCount() + " parts of " + p.partSize() + " bytes (the last " + p.length(p.partCount() - 1) + ")");
        }
        GrowthSchedule g = GrowthSchedule.forStream(caps, partSize, providerId);
        return new TransferPlan(-1, g.partSize(0), g.partSize(caps.maxPartCount() - 1), -1, -1,
                (concurrency + 1L) * g.partSize(0), Math.min(g.reachable(), caps.maxObjectSize()), g.toString()
                + "; buffers grow to " + (concurrency + 1L) * g.partSize(caps.maxPartCount() - 1) + " bytes at the limit");
    }
}
