package org.chunkedupload.jclouds;

import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.jclouds.blobstore.ContainerNotFoundException;
import org.jclouds.blobstore.KeyNotFoundException;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;
import org.jclouds.rest.ResourceNotFoundException;

/**
 * Maps what jclouds throws onto the toolkit's error model. jclouds has already retried what it
 * considers retryable ({@code jclouds.max-retries}); of what is left, only a server error, throttling
 * or a lost connection is {@link TransientStorageException retryable}. A "not found" means the
 * upload is gone for part, list, complete and abort, the object for read, the bucket otherwise.
 */
final class JcloudsErrors {
    private JcloudsErrors() {
    }

    static ChunkedUploadException map(Operation op, String action, RuntimeException e) {
        if (e instanceof ChunkedUploadException c) {
            return c;
        }
        int status = status(e);
        ErrorDetails d = ErrorDetails.of(JcloudsProvider.ID, op);
        if (status > 0) {
            d = d.answer(status, null, null);
        }
        String msg = action + " failed: " + describe(e);
        if (e instanceof ContainerNotFoundException) {
            return new ConfigurationException(msg + "; create the bucket (jclouds container) or fix its name", e, d);
        }
        if (e instanceof KeyNotFoundException || e instanceof ResourceNotFoundException || status == 404) {
            return switch (op) {
                case UPLOAD_PART, LIST_PARTS, COMPLETE, ABORT -> new NoSuchUploadException(msg
                        + "; the upload was completed, aborted or expired", e, d);
                case READ, STAT -> new NoSuchObjectException(msg, e, d);
                default -> new ConfigurationException(msg + "; check that the bucket exists", e, d);
            };
        }
        if (e instanceof AuthorizationException || status == 401 || status == 403) {
            return new AccessDeniedException(msg + "; check identity and credential and their permissions", e, d);
        }
        if (e instanceof IllegalArgumentException && (op == Operation.INITIATE || op == Operation.PUT)) {
            return new InvalidTargetException(msg, e, d);
        }
        if (status == 400 && op == Operation.COMPLETE) {
            return new InvalidPartException(msg + "; a part was never uploaded or its receipt is stale", e, d);
        }
        if (status == 429 || status >= 500) {
            return new TransientStorageException(msg, e, d);
        }
        if (status == 0 && unreachable(e)) {
            return new StoreUnreachableException(msg + "; check the endpoint setting and that the server is up", e, d);
        }
        return new ChunkedUploadException(msg, e, d);
    }

    private static int status(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpResponseException h && h.getResponse() != null) {
                return h.getResponse().getStatusCode();
            }
        }
        return 0;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        for (Throwable c = e.getCause(); (m == null || m.isBlank()) && c != null; c = c.getCause()) {
            m = c.getMessage();
        }
        return m == null || m.isBlank() ? "the jclouds store gave no reason" : m.strip();
    }
}
