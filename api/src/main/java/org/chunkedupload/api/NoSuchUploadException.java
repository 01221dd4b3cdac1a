package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The upload named by a handle does not exist: it was never started, was aborted, was completed,
 * or was removed by the store (for example by a lifecycle rule). Nothing more can be done with
 * the handle; start a new upload.
 */
public class NoSuchUploadException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public NoSuchUploadException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public NoSuchUploadException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public NoSuchUploadException(String message) {
        super(message, null);
    }
}
