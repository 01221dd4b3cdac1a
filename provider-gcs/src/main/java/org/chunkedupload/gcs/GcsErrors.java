package org.chunkedupload.gcs;

import com.google.cloud.BaseServiceException;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.TransientStorageException;

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

    static ChunkedUploadException map(String action, RuntimeException e) {
        if (e instanceof ChunkedUploadException c) {
            return c;
        }
        if (!(e instanceof BaseServiceException s)) {
            return new ChunkedUploadException(action + " failed: " + e, e, GcsProvider.ID, -1, null);
        }
        int status = s.getCode();
        String reason = s.getReason();
        String msg = action + " failed: " + (status <= 0 ? "no HTTP response" : "HTTP " + status)
                + (reason == null ? "" : " (" + reason + ")") + ": " + s.getMessage();
        if (status == 401 || status == 403) {
            return new AccessDeniedException(msg + "; check the credentials and their permissions"
                    + " (storage.objects.create, get, list and delete on the bucket)", e);
        }
        if (status == 412) {
            return new PreconditionFailedException(msg, e);
        }
        if (status == 404 && "notFound".equals(reason) && s.getMessage() != null
                && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains("bucket")) {
            return new ConfigurationException(msg + "; create the bucket or fix the bucket name", e);
        }
        String lower = s.getMessage() == null ? "" : s.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (status == 400 && (lower.contains("crc32c") || lower.contains("md5") || lower.contains("checksum"))) {
            return new IntegrityException(msg + "; the bytes GCS received do not match their CRC-32C", e);
        }
        if (status == 400 && ("invalid".equals(reason) || "invalidArgument".equals(reason))) {
            return new InvalidTargetException(msg, e);
        }
        if (status <= 0 || status == 408 || status == 429 || status >= 500 || s.isRetryable()) {
            return new TransientStorageException(msg, e, true, GcsProvider.ID, status, null);
        }
        return new ChunkedUploadException(msg, e, GcsProvider.ID, status, null);
    }
}
