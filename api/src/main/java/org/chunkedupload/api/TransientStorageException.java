package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * A failure that may pass: the store throttled the request, timed out or answered with a server
 * error ({@link #details()} holds its status and request id), or it could not be reached at all
 * ({@link StoreUnreachableException}). Always {@link #retryable()}: sending the same request again
 * after a back-off may succeed. A failure that sending again cannot cure is never of this type.
 */
public class TransientStorageException extends ChunkedUploadException {
    private static final long serialVersionUID = 2L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     */
    public TransientStorageException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public TransientStorageException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /** @return true: sending the same request again may succeed */
    @Override
    public final boolean retryable() {
        return true;
    }
}
