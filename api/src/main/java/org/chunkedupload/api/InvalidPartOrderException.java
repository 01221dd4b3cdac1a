package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The receipt list given to complete cannot be put in a valid order: it names a part number
 * twice. (A list that is merely unsorted is sorted by the API, never rejected.)
 */
public class InvalidPartOrderException extends InvalidPartException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidPartOrderException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public InvalidPartOrderException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public InvalidPartOrderException(String message) {
        super(message, null);
    }
}
