package org.chunkedupload.api;

import java.util.Locale;

/**
 * The storage operation a failure happened in, so that callers and providers branch on a value
 * instead of on message text ({@link ChunkedUploadException#operation()}).
 */
public enum Operation {
    /** Starting an upload. */
    INITIATE,
    /** Sending one part. */
    UPLOAD_PART,
    /** Listing the parts an upload holds. */
    LIST_PARTS,
    /** Joining the parts into the object. */
    COMPLETE,
    /** Storing a whole object in one request. */
    PUT,
    /** Discarding an upload and its parts. */
    ABORT,
    /** Listing the uploads that are neither completed nor aborted. */
    LIST_PENDING,
    /** Reading an object's metadata. */
    STAT,
    /** Reading an object's bytes. */
    READ,
    /** Deleting an object. */
    DELETE,
    /** Reading or installing the store's backstop for abandoned uploads. */
    BACKSTOP;

    /** @return the operation in words, e.g. {@code "upload part"} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
