package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The write precondition given to complete did not hold: the object already exists (create-only)
 * or its ETag differs (compare-and-swap). The upload is left as it was, so the caller may
 * retry complete with another precondition or abort.
 */
public class PreconditionFailedException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public PreconditionFailedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public PreconditionFailedException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public PreconditionFailedException(String message) {
        super(message, null);
    }
}
