package org.chunkedupload.api;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a failed request besides its message: the provider and operation, and — when
 * the store answered — its status, error code and request id (for a support ticket). Immutable;
 * build with {@link #of(String, Operation)} and {@link #answer(int, String, String)}.
 *
 * @param providerId the provider, or {@code null} when unknown
 * @param operation the operation, or {@code null} when unknown
 * @param statusCode the store's status (an HTTP status for cloud stores), or -1 when it did not answer
 * @param errorCode the store's error code (e.g. S3's {@code NoSuchUpload}), or {@code null}
 * @param requestId the store's request id, or {@code null}
 */
public record ErrorDetails(@Nullable String providerId, @Nullable Operation operation, int statusCode, @Nullable String errorCode, @Nullable String requestId)
        implements Serializable {
    private static final ErrorDetails NONE = new ErrorDetails(null, null, -1, null, null);

    /** @return no details: a failure of the toolkit or of its caller, not of a request */
    public static ErrorDetails none() {
        return NONE;
    }

    /**
     * @param providerId the provider that sent the request
     * @param operation what the request was for
     * @return details of a request that got no answer (yet)
     */
    public static ErrorDetails of(String providerId, Operation operation) {
        return new ErrorDetails(providerId, operation, -1, null, null);
    }

    /**
     * @param status the store's status
     * @param code the store's error code, or {@code null}
     * @param request the store's request id, or {@code null}
     * @return these details with the store's answer
     */
    public ErrorDetails answer(int status, @Nullable String code, @Nullable String request) {
        return new ErrorDetails(providerId, operation, status, code, request);
    }

    /** @return whether the store answered the request (its refusal), as opposed to no answer at all */
    public boolean answered() {
        return statusCode >= 0;
    }
}
