package org.chunkedupload.api;

/**
 * The store could not be reached, throttled the request, timed out or answered with a server
 * error. Such failures are usually {@link #retryable()}: sending the same request again (after a
 * back-off) may succeed.
 */
public class TransientStorageException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     * @param retryable whether the same request may succeed when sent again
     */
    public TransientStorageException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Creates the exception with the store's diagnostic details.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     * @param retryable whether the same request may succeed when sent again
     * @param providerId the provider that reported it
     * @param statusCode the protocol status code, or -1
     * @param requestId the store's request id, or {@code null}
     */
    public TransientStorageException(String message, Throwable cause, boolean retryable, String providerId,
                                     int statusCode, String requestId) {
        super(message, cause, providerId, statusCode, requestId);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
