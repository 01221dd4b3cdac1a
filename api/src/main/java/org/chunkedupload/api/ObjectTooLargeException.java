package org.chunkedupload.api;

/**
 * The object is larger than the store takes ({@link Capabilities#maxObjectSize()}), or than the
 * provider's largest parts times its most parts can hold. No part size can fix it; unlike
 * {@link PartTooLargeException}, which a smaller part size fixes.
 */
public class ObjectTooLargeException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the object's size and the limit it breaks
     */
    public ObjectTooLargeException(String message) {
        super(message, null);
    }
}
