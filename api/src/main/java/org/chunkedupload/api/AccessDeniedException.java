package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The store rejected the credentials or the caller is not allowed to perform the operation
 * (HTTP 401/403). Check the configured credentials and their permissions.
 */
public class AccessDeniedException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public AccessDeniedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public AccessDeniedException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public AccessDeniedException(String message) {
        super(message, null);
    }
}
