package org.chunkedupload.spark;

import java.io.Serializable;
import org.chunkedupload.transfer.DirectoryUpload.Status;

/**
 * One file of a file job: a result row.
 *
 * @param source the source path
 * @param key the object key
 * @param size the file's size
 * @param crc32c the object's CRC-32C (Base64, as the store reports it or as computed), or null
 * @param etag the object's ETag, or null
 * @param status uploaded, skipped (the object was there with its size and CRC-32C), or failed
 * @param error why it failed, or null
 */
public record FileResult(String source, String key, long size, String crc32c, String etag, Status status, String error)
        implements Serializable {
}
