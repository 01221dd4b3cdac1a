package org.chunkedupload.jclouds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.jclouds.blobstore.ContainerNotFoundException;
import org.jclouds.blobstore.KeyNotFoundException;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;
import org.junit.jupiter.api.Test;

/** What jclouds throws, mapped onto the error model: retryable only where resending can help. */
class JcloudsErrorsTest {
    private static HttpResponseException status(int code) {
        return new HttpResponseException("command failed with " + code, null,
                HttpResponse.builder().statusCode(code).message("status " + code).build());
    }

    private static ChunkedUploadException map(Operation op, RuntimeException e) {
        return JcloudsErrors.map(op, "upload part 3 of jclouds://b/k", e);
    }

    @Test
    void serverErrorsAndThrottlingAreRetryable() {
        for (int code : new int[] {500, 503, 429}) {
            ChunkedUploadException e = map(Operation.UPLOAD_PART, status(code));
            assertInstanceOf(TransientStorageException.class, e, "HTTP " + code);
            assertTrue(e.retryable());
            assertEquals(code, e.details().statusCode());
        }
        ChunkedUploadException e = map(Operation.UPLOAD_PART, new RuntimeException(new java.net.ConnectException("refused")));
        assertInstanceOf(StoreUnreachableException.class, e);
        assertTrue(e.getMessage().contains("check the endpoint"), e.getMessage());
    }

    @Test
    void notFoundMeansWhatTheOperationLookedFor() {
        assertInstanceOf(NoSuchUploadException.class, map(Operation.UPLOAD_PART, new KeyNotFoundException("b", "k", "x")));
        assertInstanceOf(NoSuchUploadException.class, map(Operation.COMPLETE, status(404)));
        assertInstanceOf(NoSuchObjectException.class, map(Operation.READ, new KeyNotFoundException("b", "k", "x")));
        ChunkedUploadException bucket = map(Operation.INITIATE, new ContainerNotFoundException("b", "x"));
        assertInstanceOf(ConfigurationException.class, bucket);
        assertTrue(bucket.getMessage().contains("create the bucket"), bucket.getMessage());
    }

    @Test
    void refusalsAreNotRetryable() {
        ChunkedUploadException denied = map(Operation.UPLOAD_PART, new AuthorizationException("denied"));
        assertInstanceOf(AccessDeniedException.class, denied);
        assertTrue(denied.getMessage().startsWith("upload part 3 of jclouds://b/k failed: denied;"), denied.getMessage());
        assertInstanceOf(InvalidPartException.class, map(Operation.COMPLETE, status(400)));
        ChunkedUploadException bad = map(Operation.UPLOAD_PART, status(400));
        assertFalse(bad.retryable());
        assertEquals(ChunkedUploadException.class, bad.getClass());
    }
}
