package org.chunkedupload.s3;

import java.util.Set;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidPartOrderException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PartTooLargeException;
import org.chunkedupload.api.PartTooSmallException;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Maps S3 errors onto the toolkit's exception model. Every message names the S3 error code, the
 * HTTP status and the request id, so a support ticket can be filed from it.
 */
final class S3Errors {
    private static final Set<String> THROTTLED = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "RequestTimeout",
            "InternalError", "ServiceUnavailable", "OperationAborted");
    private static final Set<String> DENIED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "AllAccessDisabled", "AccountProblem");

    private S3Errors() {
    }

    /**
     * Like {@link #map(String, SdkException)}, naming the endpoint and the timeout setting when the
     * server could not be reached or did not answer in time.
     */
    static ChunkedUploadException map(Operation op, String action, SdkException e, S3Settings settings) {
        ErrorDetails d = ErrorDetails.of(S3Provider.ID, op);
        String where = settings.endpoint() != null ? "the server at " + settings.endpoint() : "the S3 endpoint";
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.SocketTimeoutException) {
                boolean connect = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
                return new StoreUnreachableException(action + " failed: " + where + " did not "
                        + (connect ? "accept a connection within connect-timeout (" + settings.connectTimeout().toSeconds()
                        + " s)" : "answer within socket-timeout (" + settings.socketTimeout().toSeconds() + " s)")
                        + "; check that it is up and reachable, or raise " + (connect ? "connect-timeout" : "socket-timeout"),
                        e, d);
            }
            if (c instanceof java.net.ConnectException) {
                return new StoreUnreachableException(action + " failed: cannot connect to " + where + " ("
                        + c.getMessage() + "); check the endpoint setting and that the server is up", e, d);
            }
        }
        return map(op, action, e);
    }

    static ChunkedUploadException map(Operation op, String action, SdkException e) {
        if (e instanceof S3Exception s) {
            return map(op, action, s);
        }
        ErrorDetails d = ErrorDetails.of(S3Provider.ID, op);
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return new ConfigurationException(action + " failed: no S3 credentials were found; set"
                    + " access-key-id and secret-access-key (-o key=value, or CHUNKED_UPLOAD_S3_ACCESS_KEY_ID and"
                    + " CHUNKED_UPLOAD_S3_SECRET_ACCESS_KEY), or profile, or the AWS default chain (AWS_ACCESS_KEY_ID,"
                    + " ~/.aws/credentials)", e, d);
        }
        if (e instanceof SdkClientException) {
            // could not send the request or read the answer: connection refused or reset, timeout, ...
            return new StoreUnreachableException(action + " failed: " + e.getMessage(), e, d);
        }
        return new ChunkedUploadException(action + " failed: " + e.getMessage(), e, d);
    }

    static ChunkedUploadException map(Operation op, String action, S3Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String requestId = e.requestId();
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String msg = action + " failed: " + (code == null ? "HTTP " + status : code + " (HTTP " + status + ")")
                + (detail == null ? "" : ": " + detail) + (requestId == null ? "" : " [request id " + requestId + "]");
        ErrorDetails d = ErrorDetails.of(S3Provider.ID, op).answer(status, code, requestId);
        if (code == null) {
            code = "";
        }
        switch (code) {
            case "NoSuchUpload":
                return new NoSuchUploadException(msg + "; the upload was completed, aborted or expired", e, d);
            case "ConditionalRequestConflict":
                return new NoSuchUploadException(msg + "; a conflicting write raced this conditional complete and S3"
                        + " discarded the upload: start a new upload and send every part again", e, d);
            case "InvalidPart":
                return new InvalidPartException(msg + "; a part was never uploaded or its receipt is stale", e, d);
            case "InvalidPartOrder":
                return new InvalidPartOrderException(msg, e, d);
            case "EntityTooSmall":
                return new PartTooSmallException(msg + "; every part but the last needs at least 5 MiB", e, d);
            case "EntityTooLarge":
                return new PartTooLargeException(msg, e, d);
            case "MalformedXML":
            case "InvalidArgument":
                return new InvalidPartException(msg, e, d);
            case "PreconditionFailed":
                return new PreconditionFailedException(msg, e, d);
            case "NoSuchKey":
                if (op == Operation.COMPLETE || op == Operation.PUT) {
                    return new PreconditionFailedException(msg + "; the write required an existing object (If-Match)", e, d);
                }
                break;
            case "BadDigest":
            case "InvalidDigest":
            case "XAmzContentSHA256Mismatch":
                return new IntegrityException(msg + "; the bytes S3 received do not match their checksum", e, d);
            case "NoSuchBucket":
                return new ConfigurationException(msg + "; create the bucket or fix the bucket name", e, d);
            default:
                break;
        }
        if (status == 400 && (op == Operation.UPLOAD_PART || op == Operation.PUT) && detail != null
                && detail.contains("x-amz-checksum-")) {
            // S3Mock (and servers like it) refuse a part whose bytes do not match the CRC-32C the engine
            // computed (always well-formed) as "BadRequest: Value for x-amz-checksum-crc32c header is invalid"
            return new IntegrityException(msg + "; the bytes the server received do not match their checksum", e, d);
        }
        if (DENIED.contains(code) || status == 401 || status == 403) {
            return new AccessDeniedException(msg + "; check the credentials and their permissions", e, d);
        }
        if (status == 412) {
            return new PreconditionFailedException(msg, e, d);
        }
        if (THROTTLED.contains(code) || status == 429 || status >= 500) {
            return new TransientStorageException(msg, e, d);
        }
        return new ChunkedUploadException(msg, e, d);
    }
}
