package org.chunkedupload.api;

/**
 * Root of every exception this toolkit throws for a storage operation that did not succeed.
 *
 * <p>It is unchecked. Subclasses carry meaning (the upload is gone, a part is invalid, the
 * store refused the credentials, ...). Each provider maps its native errors onto these types, so
 * callers never catch a vendor SDK exception. Plain JDK exceptions ({@link IllegalArgumentException},
 * {@link IllegalStateException}) are reserved for misuse of the API itself, such as a negative
 * length or use after close.
 *
 * <p>{@link #retryable()} says whether repeating the same request unchanged may succeed; the
 * transfer engine retries only such failures.
 */
public class ChunkedUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String providerId;
    private final int statusCode;
    private final String requestId;

    /**
     * Creates an exception with a message and an optional cause.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public ChunkedUploadException(String message, Throwable cause) {
        this(message, cause, null, -1, null);
    }

    /**
     * Creates an exception that carries the store's diagnostic details.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param providerId the provider that reported the failure, or {@code null}
     * @param statusCode the protocol status code (an HTTP status for cloud stores), or -1
     * @param requestId the store's request id for support tickets, or {@code null}
     */
    public ChunkedUploadException(String message, Throwable cause, String providerId, int statusCode,
                                  String requestId) {
        super(message, cause);
        this.providerId = providerId;
        this.statusCode = statusCode;
        this.requestId = requestId;
    }

    /** @return whether the same request may succeed if it is sent again unchanged */
    public boolean retryable() {
        return false;
    }

    /** @return the id of the provider that reported the failure, or {@code null} if unknown */
    public String providerId() {
        return providerId;
    }

    /** @return the protocol status code (HTTP status for cloud stores), or -1 when there is none */
    public int statusCode() {
        return statusCode;
    }

    /** @return the store's request id, or {@code null} when the store gave none */
    public String requestId() {
        return requestId;
    }
}
