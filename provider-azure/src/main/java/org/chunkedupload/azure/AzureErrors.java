package org.chunkedupload.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import java.util.Set;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.spi.Unreachable;

/**
 * Maps Azure Blob errors onto the toolkit's exception model. Every message names the HTTP status
 * and Azure's error code. Errors whose meaning depends on the call (a missing blob, an invalid
 * block list) are handled by the callers before they call {@link #map}.
 */
final class AzureErrors {
    private static final Set<BlobErrorCode> RETRYABLE = Set.of(BlobErrorCode.SERVER_BUSY,
            BlobErrorCode.OPERATION_TIMED_OUT, BlobErrorCode.INTERNAL_ERROR);

    private AzureErrors() {
    }

    static boolean is(RuntimeException e, BlobErrorCode code) {
        return e instanceof BlobStorageException s && code.equals(s.getErrorCode());
    }

    static boolean isStatus(RuntimeException e, int status) {
        return e instanceof HttpResponseException h && h.getResponse() != null
                && h.getResponse().getStatusCode() == status;
    }

    static ChunkedUploadException map(Operation op, String action, RuntimeException e) {
        if (e instanceof ChunkedUploadException c) {
            return c;
        }
        ErrorDetails d = ErrorDetails.of(AzureProvider.ID, op);
        if (!(e instanceof HttpResponseException h) || h.getResponse() == null) {
            // no HTTP answer: connection refused or reset, timeout; the request may be repeated
            return new StoreUnreachableException(Unreachable.message(action, e,
                    "the endpoint (the endpoint setting or the connection string's BlobEndpoint)", "read-timeout"), e, d);
        }
        int status = h.getResponse().getStatusCode();
        BlobErrorCode code = e instanceof BlobStorageException s ? s.getErrorCode() : null;
        String service = e instanceof BlobStorageException s && s.getServiceMessage() != null
                ? s.getServiceMessage().lines().findFirst().orElse("") : "";
        String msg = action + " failed: HTTP " + status + (code == null ? "" : " " + code) + (service.isEmpty() ? ""
                : ": " + service);
        String requestId = h.getResponse().getHeaderValue("x-ms-request-id");
        d = d.answer(status, code == null ? null : code.toString(), requestId);
        if (status == 401 || status == 403) {
            return new AccessDeniedException(msg + "; check the credentials and their permissions (read, write,"
                    + " list and delete on the container; a SAS token also needs them and must not have expired)", e, d);
        }
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return new ConfigurationException(msg + "; create the container or fix the container name", e, d);
        }
        if (status == 412 || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code)) {
            if (BlobErrorCode.LEASE_ID_MISSING.equals(code) || BlobErrorCode.LEASE_ID_MISMATCH_WITH_BLOB_OPERATION
                    .equals(code)) {
                return new PreconditionFailedException(msg + "; the blob is leased by another client: break or"
                        + " release the lease first", e, d);
            }
            return new PreconditionFailedException(msg, e, d);
        }
        if (BlobErrorCode.MD5MISMATCH.equals(code) || "Crc64Mismatch".equals(String.valueOf(code))) {
            return new IntegrityException(msg + "; the bytes Azure received do not match their checksum", e, d);
        }
        if (BlobErrorCode.INVALID_BLOB_OR_BLOCK.equals(code)) {
            return new InvalidTargetException(msg + "; the blob holds uncommitted blocks of another writer whose"
                    + " block ids have another length: they expire 7 days after that writer's last block, or delete"
                    + " the blob (if nothing is committed there) to discard them", e, d);
        }
        if (BlobErrorCode.BLOCK_COUNT_EXCEEDS_LIMIT.equals(code)) {
            return new InvalidPartException(msg + "; the blob holds 100,000 uncommitted blocks (failed or"
                    + " abandoned uploads): they expire 7 days after the last block staged on it", e, d);
        }
        if (BlobErrorCode.BLOCK_LIST_TOO_LONG.equals(code)) {
            return new InvalidPartException(msg + "; a block blob holds at most 50,000 blocks", e, d);
        }
        if (BlobErrorCode.INVALID_RESOURCE_NAME.equals(code) || BlobErrorCode.INVALID_URI.equals(code)
                || BlobErrorCode.INVALID_METADATA.equals(code)) {
            return new InvalidTargetException(msg, e, d);
        }
        if (status == 408 || status == 429 || status >= 500 || (code != null && RETRYABLE.contains(code))) {
            return new TransientStorageException(msg, e, d);
        }
        return new ChunkedUploadException(msg, e, d);
    }
}
