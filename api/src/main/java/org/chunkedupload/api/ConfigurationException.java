package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

/**
 * The configuration is unusable: an unknown provider id, a missing or invalid setting, or a
 * provider that cannot start. The message names the setting and how to fix it.
 */
public class ConfigurationException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception with what is known about the failed request.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, operation and the store's answer
     */
    public ConfigurationException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message, null);
    }
}
