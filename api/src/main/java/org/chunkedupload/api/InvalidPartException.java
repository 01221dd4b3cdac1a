package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * A part or a part receipt is not acceptable: its number is outside the range the provider
 * accepts, or the receipt is stale (the part was uploaded again after the receipt was issued, or
 * the receipt belongs to another upload). Re-upload the part or use its current receipt from
 * {@link ChunkedUploadSession#listParts()}.
 */
public class InvalidPartException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidPartException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public InvalidPartException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public InvalidPartException(String message) {
        super(message, null);
    }
}
