package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The provider does not declare the optional {@link Capabilities.Feature} an operation needs.
 * Check {@link Capabilities#supports(Capabilities.Feature)} before calling.
 */
public class UnsupportedFeatureException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public UnsupportedFeatureException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public UnsupportedFeatureException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public UnsupportedFeatureException(String message) {
        super(message, null);
    }
}
