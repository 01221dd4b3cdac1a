package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * Another upload to the same key destroyed this upload's parts. Stores without
 * {@link Capabilities.Feature#ISOLATED_UPLOADS} keep one set of pending parts per key (Azure
 * block blobs: a commit discards every uncommitted block of the blob), so when two uploads to one
 * key overlap, the first to complete wins and the other finds its parts gone. The object the
 * first upload wrote is intact; nothing of this upload was published. The upload is still open:
 * upload its parts again and complete (the later complete then replaces the object), or abort it.
 * To avoid the conflict, never run two uploads to one key at the same time on such a store.
 */
public class UploadConflictException extends InvalidPartException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the key and the other writer's commit where known
     * @param cause the underlying failure, or {@code null}
     */
    public UploadConflictException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public UploadConflictException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }
}
