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
}
