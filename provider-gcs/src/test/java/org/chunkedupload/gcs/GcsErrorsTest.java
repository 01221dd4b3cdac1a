package org.chunkedupload.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.StorageException;
import java.io.IOException;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.junit.jupiter.api.Test;

class GcsErrorsTest {
    private static ChunkedUploadException map(int code, String reason, String message) {
        return GcsErrors.map(Operation.UPLOAD_PART, "upload part 3 of gs://b/k",
                new StorageException(code, message, reason, null));
    }

    @Test
    void statusCodesMapOntoTheExceptionModel() {
        assertInstanceOf(AccessDeniedException.class, map(401, "required", "Login Required"));
        assertInstanceOf(AccessDeniedException.class, map(403, "forbidden", "no storage.objects.create"));
        assertInstanceOf(PreconditionFailedException.class, map(412, "conditionNotMet", "Precondition Failed"));
        assertInstanceOf(ConfigurationException.class, map(404, "notFound", "The specified bucket does not exist."));
        assertInstanceOf(IntegrityException.class, map(400, "invalid",
                "Provided CRC32C \"AAAAAA==\" doesn't match calculated CRC32C \"qZr1Qw==\"."));
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            ChunkedUploadException e = map(code, "backendError", "try again");
            assertInstanceOf(TransientStorageException.class, e, "HTTP " + code);
            assertTrue(((TransientStorageException) e).retryable(), "HTTP " + code);
        }
    }

    @Test
    void aConnectionFailureIsRetryable() {
        ChunkedUploadException e = GcsErrors.map(Operation.COMPLETE, "complete gs://b/k",
                new StorageException(new IOException("Connection reset")));
        assertInstanceOf(TransientStorageException.class, e);
    }

    @Test
    void messagesNameTheActionStatusAndReason() {
        ChunkedUploadException e = map(403, "forbidden", "caller lacks storage.objects.delete");
        assertTrue(e.getMessage().startsWith("upload part 3 of gs://b/k failed: HTTP 403 (forbidden)"), e.getMessage());
        assertTrue(e.getMessage().contains("storage.objects.delete"), e.getMessage());
        assertEquals(e, GcsErrors.map(Operation.ABORT, "x", e)); // already mapped: passed through
    }

    /** A refusal carries the store's answer and the operation; a request without an answer says it was not reached. */
    @Test
    void aRefusalCarriesItsAnswerAndNoAnswerIsUnreachable() {
        ChunkedUploadException refused = map(503, "backendError", "try again");
        assertEquals(new ErrorDetails("gs", Operation.UPLOAD_PART, 503, "backendError", null), refused.details());
        ChunkedUploadException unreached = GcsErrors.map(Operation.COMPLETE, "complete gs://b/k",
                new StorageException(new IOException("Connection reset")));
        assertInstanceOf(StoreUnreachableException.class, unreached);
        assertFalse(unreached.details().answered());
        assertEquals(Operation.COMPLETE, unreached.operation());
        assertTrue(unreached.retryable());
        assertFalse(map(403, "forbidden", "no").retryable(), "a refusal that resending cannot cure is not transient");
    }
}
