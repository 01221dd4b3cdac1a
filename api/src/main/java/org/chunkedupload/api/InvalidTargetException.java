package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * A target ({@code scheme://bucket/key}), bucket name or key is malformed or not allowed by the
 * provider, for example a key that would escape the filesystem root.
 */
public class InvalidTargetException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidTargetException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public InvalidTargetException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public InvalidTargetException(String message) {
        super(message, null);
    }
}
