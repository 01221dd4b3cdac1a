package org.chunkedupload.api;

import org.jspecify.annotations.Nullable;

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
 * transfer engine retries only such failures, and they are exactly the
 * {@link TransientStorageException}s. {@link #details()} tells a store's refusal (it answered: status,
 * error code, request id) from a request that got no answer ({@link StoreUnreachableException}),
 * and names the {@link Operation}. The mapping of each provider's errors is in
 * {@code docs/errors.md}.
 */
public class ChunkedUploadException extends RuntimeException {
    private static final long serialVersionUID = 2L;

    private final ErrorDetails details;

    /**
     * Creates an exception with a message and an optional cause.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public ChunkedUploadException(String message, @Nullable Throwable cause) {
        this(message, cause, ErrorDetails.none());
    }

    /**
     * Creates an exception that carries what is known about the failed request.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the underlying failure, or {@code null}
     * @param details the provider, the operation and, when the store answered, its status, error
     *     code and request id
     */
    public ChunkedUploadException(String message, @Nullable Throwable cause, ErrorDetails details) {
        super(message, cause);
        this.details = details == null ? ErrorDetails.none() : details;
    }

    /** @return whether the same request may succeed if it is sent again unchanged */
    public boolean retryable() {
        return false;
    }

    /** @return what is known about the failed request; {@link ErrorDetails#none()} when it was no request */
    public ErrorDetails details() {
        return details;
    }

    /** @return the operation that failed, or {@code null} when unknown */
    public @Nullable Operation operation() {
        return details.operation();
    }

    /** @return the id of the provider that reported the failure, or {@code null} if unknown */
    public @Nullable String providerId() {
        return details.providerId();
    }

    /** @return the protocol status code (HTTP status for cloud stores), or -1 when the store did not answer */
    public int statusCode() {
        return details.statusCode();
    }

    /** @return the store's request id, or {@code null} when the store gave none */
    public @Nullable String requestId() {
        return details.requestId();
    }
}
