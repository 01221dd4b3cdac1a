package org.chunkedupload.api;

/**
 * The request got no answer from the store: the connection was refused or reset, or the store did
 * not answer within the timeout. A client-side failure to reach the store, as opposed to its refusal
 * ({@link ErrorDetails#answered()} is false); retryable, since the store may be back by the next
 * attempt. The message names the endpoint and the setting to check.
 */
public class StoreUnreachableException extends TransientStorageException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the endpoint
     * @param cause the underlying failure
     * @param details the provider and the operation
     */
    public StoreUnreachableException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details);
    }
}
