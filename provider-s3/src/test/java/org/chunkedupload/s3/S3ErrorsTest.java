package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ErrorDetails;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StoreUnreachableException;
import org.chunkedupload.api.TransientStorageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Every S3 error code the provider knows maps onto the exception model, with the code, status and request id kept. */
class S3ErrorsTest {

    private static S3Exception s3(String code, int status) {
        return (S3Exception) S3Exception.builder().statusCode(status).requestId("REQ123")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg of " + code).build())
                .build();
    }

    private static Operation op(String action) {
        return action.startsWith("upload part") ? Operation.UPLOAD_PART
                : action.startsWith("complete") ? Operation.COMPLETE : Operation.INITIATE;
    }

    @ParameterizedTest
    @CsvSource({
            "NoSuchUpload, 404, upload part 1 of, NoSuchUploadException, false",
            "ConditionalRequestConflict, 409, complete, NoSuchUploadException, false",
            "InvalidPart, 400, complete, InvalidPartException, false",
            "InvalidPartOrder, 400, complete, InvalidPartOrderException, false",
            "EntityTooSmall, 400, complete, PartTooSmallException, false",
            "EntityTooLarge, 400, upload part 1 of, PartTooLargeException, false",
            "MalformedXML, 400, complete, InvalidPartException, false",
            "InvalidArgument, 400, upload part 0 of, InvalidPartException, false",
            "PreconditionFailed, 412, complete, PreconditionFailedException, false",
            "NoSuchKey, 404, complete, PreconditionFailedException, false",
            "BadDigest, 400, upload part 1 of, IntegrityException, false",
            "NoSuchBucket, 404, initiate, ConfigurationException, false",
            "AccessDenied, 403, initiate, AccessDeniedException, false",
            "SignatureDoesNotMatch, 403, initiate, AccessDeniedException, false",
            "SlowDown, 503, upload part 1 of, TransientStorageException, true",
            "InternalError, 500, complete, TransientStorageException, true",
            "InternalError, 200, complete, TransientStorageException, true",
            "RequestTimeout, 400, upload part 1 of, TransientStorageException, true",
            "SomethingNew, 400, complete, ChunkedUploadException, false"})
    void codesMapToMeaningfulExceptions(String code, int status, String action, String type, boolean retryable) {
        ChunkedUploadException e = S3Errors.map(op(action), action + " s3://b/k", s3(code, status));
        assertEquals(type, e.getClass().getSimpleName(), e.getMessage());
        assertEquals(retryable, e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains(code) && e.getMessage().contains("HTTP " + status)
                && e.getMessage().contains("REQ123"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ConditionalRequestConflict", "NoSuchUpload"})
    void aLostUploadSaysSo(String code) {
        assertInstanceOf(NoSuchUploadException.class, S3Errors.map(Operation.COMPLETE, "complete s3://b/k", s3(code, 409)));
        if (code.equals("ConditionalRequestConflict")) {
            assertTrue(S3Errors.map(Operation.COMPLETE, "complete s3://b/k", s3(code, 409)).getMessage().contains("start a new upload"));
        }
    }

    @org.junit.jupiter.api.Test
    void aPartRefusedForItsChecksumHeaderIsAnIntegrityFailure() {
        S3Exception badRequest = (S3Exception) S3Exception.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("BadRequest").errorMessage("Value for x-amz-checksum-crc32c header is invalid.").build())
                .build(); // S3Mock's answer to a part whose bytes do not match the CRC-32C sent
        assertInstanceOf(IntegrityException.class, S3Errors.map(Operation.UPLOAD_PART, "upload part 1 of s3://b/k", badRequest));
        assertFalse(S3Errors.map(Operation.INITIATE, "initiate s3://b/k", badRequest) instanceof IntegrityException);
    }

    @org.junit.jupiter.api.Test
    void clientSideFailuresAreRetryable() {
        ChunkedUploadException e = S3Errors.map(Operation.UPLOAD_PART, "upload part 3 of s3://b/k",
                SdkClientException.create("Unable to execute HTTP request: Connection reset"));
        assertInstanceOf(TransientStorageException.class, e);
        assertTrue(e.retryable());
        assertFalse(S3Errors.map(Operation.COMPLETE, "x", s3("InvalidPart", 400)).retryable());
    }


    /** A refusal carries the store's answer and the operation; the operation, not the message, decides a mapping. */
    @org.junit.jupiter.api.Test
    void aRefusalCarriesItsAnswerAndNoAnswerIsUnreachable() {
        ChunkedUploadException refused = S3Errors.map(Operation.COMPLETE, "complete s3://b/k", s3("InvalidPart", 400));
        assertEquals(new ErrorDetails("s3", Operation.COMPLETE, 400, "InvalidPart", "REQ123"), refused.details());
        assertTrue(refused.details().answered());
        ChunkedUploadException unreached = S3Errors.map(Operation.UPLOAD_PART, "upload part 3 of s3://b/k",
                SdkClientException.create("Unable to execute HTTP request: Connection reset"));
        assertInstanceOf(StoreUnreachableException.class, unreached);
        assertFalse(unreached.details().answered());
        assertEquals(Operation.UPLOAD_PART, unreached.operation());
        assertInstanceOf(PreconditionFailedException.class,
                S3Errors.map(Operation.COMPLETE, "x", s3("NoSuchKey", 404)), "If-Match on a missing key");
        assertFalse(S3Errors.map(Operation.READ, "complete s3://b/k", s3("NoSuchKey", 404))
                instanceof PreconditionFailedException, "a read of a missing key is no precondition, whatever the text");
    }
}
