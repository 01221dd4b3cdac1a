package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * A part other than the last is smaller than the provider's minimum part size
 * ({@link Capabilities#minPartSize()}). Use a larger part size.
 */
public class PartTooSmallException extends PartSizeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public PartTooSmallException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public PartTooSmallException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public PartTooSmallException(String message) {
        super(message, null);
    }
}
