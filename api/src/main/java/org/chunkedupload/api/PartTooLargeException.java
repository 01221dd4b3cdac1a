package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * A part is larger than the provider's maximum part size ({@link Capabilities#maxPartSize()}),
 * or the whole object would exceed {@link Capabilities#maxObjectSize()}.
 */
public class PartTooLargeException extends PartSizeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public PartTooLargeException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public PartTooLargeException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public PartTooLargeException(String message) {
        super(message, null);
    }
}
