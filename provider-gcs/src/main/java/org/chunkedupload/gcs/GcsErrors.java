package org.chunkedupload.gcs;

import com.google.cloud.BaseServiceException;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.spi.Unreachable;

/**
 * Maps Cloud Storage errors onto the toolkit's exception model. Every message names the HTTP
 * status and GCS's reason, so that a support ticket can be filed from it. A 404 means different
 * things in different places (a missing bucket, a deleted temporary part, an absent object), so
 * callers that expect one handle it before calling {@link #map}.
 */
final class GcsErrors {
    private GcsErrors() {
    }

    static boolean isStatus(RuntimeException e, int status) {
        return e instanceof BaseServiceException s && s.getCode() == status;
    }

    static ChunkedUploadException map(Operation op, String action, RuntimeException e) {
        if (e instanceof ChunkedUploadException c) {
            return c;
        }
        ErrorDetails d = ErrorDetails.of(GcsProvider.ID, op);
        if (!(e instanceof BaseServiceException s)) {
            return new ChunkedUploadException(action + " failed: " + e, e, d);
        }
        int status = s.getCode();
        String reason = s.getReason();
        if (status <= 0) { // no HTTP answer: connection refused or reset, timeout
            return new StoreUnreachableException(Unreachable.message(action, e, "the host setting", "read-timeout"), e, d);
        }
        d = d.answer(status, reason, null);
        String msg = action + " failed: " + "HTTP " + status
                + (reason == null ? "" : " (" + reason + ")") + ": " + s.getMessage();
        if (status == 401 || status == 403) {
            return new AccessDeniedException(msg + "; check the credentials and their permissions"
                    + " (storage.objects.create, get, list and delete on the bucket)", e, d);
        }
        if (status == 412) {
            return new PreconditionFailedException(msg, e, d);
        }
        if (status == 404 && "notFound".equals(reason) && s.getMessage() != null
                && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains("bucket")) {
            return new ConfigurationException(msg + "; create the bucket or fix the bucket name", e, d);
        }
        String lower = s.getMessage() == null ? "" : s.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (status == 400 && (lower.contains("crc32c") || lower.contains("md5") || lower.contains("checksum"))) {
            return new IntegrityException(msg + "; the bytes GCS received do not match their CRC-32C", e, d);
        }
        if (status == 400 && ("invalid".equals(reason) || "invalidArgument".equals(reason))) {
            return new InvalidTargetException(msg, e, d);
        }
        if (status == 408 || status == 429 || status >= 500 || s.isRetryable()) {
            return new TransientStorageException(msg, e, d);
        }
        return new ChunkedUploadException(msg, e, d);
    }
}
