package org.chunkedupload.s3;

import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A whole object in one {@code PutObject}: the object's properties exactly as an upload's
 * ({@link S3ObjectSettings}), the engine's CRC-32C sent for S3 to verify (BadDigest on mismatch) and
 * read back from the response, and the precondition as {@code If-None-Match: *} or {@code If-Match}.
 */
final class S3Put {
    private S3Put() {
    }

    static UploadResult put(S3Backend backend, String bucket, String key, PartContent content, UploadOptions options,
                            WritePrecondition precondition) {
        // one mapping of the options for both requests: build it as an upload's, copy it onto the put
        CreateMultipartUploadRequest.Builder as = CreateMultipartUploadRequest.builder();
        backend.settings.objects().applyTo(as, options);
        CreateMultipartUploadRequest o = as.build();
        PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(bucket).key(key).contentLength(content.length())
                .contentType(o.contentType()).contentEncoding(o.contentEncoding()).cacheControl(o.cacheControl())
                .metadata(o.metadata()).storageClass(o.storageClassAsString()).tagging(o.tagging())
                .serverSideEncryption(o.serverSideEncryptionAsString()).ssekmsKeyId(o.ssekmsKeyId());
        if (backend.settings.fullObjectCrc32c() && content.checksum() != null
                && content.checksum().algorithm() == ChecksumAlgorithm.CRC32C) {
            req.checksumCRC32C(content.checksum().base64());
        }
        switch (precondition.kind()) {
            case IF_ABSENT -> req.ifNoneMatch("*");
            case IF_MATCH -> req.ifMatch(precondition.etag());
            case NONE -> { }
        }
        RequestBody body = content.repeatable() && !backend.settings.payloadSigning()
                ? RequestBody.fromContentProvider(content::reopen, content.length(), "application/octet-stream")
                : RequestBody.fromInputStream(content.body(), content.length());
        try {
            PutObjectResponse r = backend.partClient.putObject(req.build(), body);
            Checksum crc = r.checksumCRC32C() == null || r.checksumCRC32C().contains("-") ? null
                    : new Checksum(ChecksumAlgorithm.CRC32C, r.checksumCRC32C());
            return new UploadResult(new ObjectTarget(S3Provider.ID, bucket, key), content.length(), r.eTag(), r.versionId(),
                    crc, 1);
        } catch (SdkException e) {
            throw S3Errors.map(Operation.PUT, "put s3://" + bucket + "/" + key, e, backend.settings);
        }
    }
}
