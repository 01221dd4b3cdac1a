package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * Data did not arrive intact: a part body was shorter or longer than declared, or a checksum
 * computed on one side does not match the other. The toolkit never hides such a mismatch.
 */
public class IntegrityException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public IntegrityException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public IntegrityException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public IntegrityException(String message) {
        super(message, null);
    }
}
