package org.chunkedupload.s3;

import java.util.ArrayList;
import java.util.List;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderUpload;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** One S3 multipart upload. */
final class S3Upload implements ProviderUpload {
    private static final int ABORT_ROUNDS = 3;

    private final S3Backend backend;
    private final UploadHandle handle;
    private final boolean crc32c;

    S3Upload(S3Backend backend, UploadHandle handle) {
        this.backend = backend;
        this.handle = handle;
        this.crc32c = S3Backend.CRC32C_FULL.equals(handle.state().get(S3Backend.STATE_CHECKSUM));
    }

    @Override
    public UploadHandle handle() {
        return handle;
    }

    private String what(String op) {
        return handle.describe(op);
    }

    @Override
    public PartReceipt uploadPart(PartContent part) {
        UploadPartRequest.Builder req = UploadPartRequest.builder().bucket(handle.bucket()).key(handle.key())
                .uploadId(handle.uploadId()).partNumber(part.partNumber()).contentLength(part.length());
        if (crc32c && part.checksum() != null
                && part.checksum().algorithm() == org.chunkedupload.api.ChecksumAlgorithm.CRC32C) {
            req.checksumCRC32C(part.checksum().base64()); // S3 verifies it (BadDigest on mismatch)
        }
        try {
            // unsigned payloads need a body the SDK can read more than once; with signing on, a one-shot body
            // keeps the SDK streaming (aws-chunked) instead of hashing every part in an extra pass first
            RequestBody body = part.repeatable() && !backend.settings.payloadSigning()
                    ? RequestBody.fromContentProvider(PartStreams.of(part), part.length(), "application/octet-stream")
                    : RequestBody.fromInputStream(part.body(), part.length());
            UploadPartResponse r = backend.partClient.uploadPart(req.build(), body);
            return new PartReceipt(part.partNumber(), r.eTag(), part.length(),
                    r.checksumCRC32C() == null ? null : new Checksum(org.chunkedupload.api.ChecksumAlgorithm.CRC32C,
                            r.checksumCRC32C()));
        } catch (SdkException e) {
            throw S3Errors.map(Operation.UPLOAD_PART, what("upload part " + part.partNumber() + " of"), e, backend.settings);
        }
    }

    @Override
    public List<PartReceipt> listParts() {
        List<PartReceipt> out = new ArrayList<>();
        try {
            for (Part p : backend.client.listPartsPaginator(r -> r.bucket(handle.bucket()).key(handle.key())
                    .uploadId(handle.uploadId())).parts()) {
                out.add(new PartReceipt(p.partNumber(), p.eTag(), p.size(), p.checksumCRC32C() == null ? null
                        : new Checksum(org.chunkedupload.api.ChecksumAlgorithm.CRC32C, p.checksumCRC32C())));
            }
        } catch (SdkException e) {
            throw S3Errors.map(Operation.LIST_PARTS, what("list parts of"), e, backend.settings);
        }
        return out;
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        List<CompletedPart> parts = new ArrayList<>(receipts.size());
        Checksum whole = crc32c ? Crc32c.combine(receipts) : null;
        for (PartReceipt r : receipts) {
            CompletedPart.Builder p = CompletedPart.builder().partNumber(r.partNumber()).eTag(r.token());
            if (whole != null) {
                p.checksumCRC32C(r.checksum().base64());
            }
            parts.add(p.build());
        }
        CompleteMultipartUploadRequest.Builder req = CompleteMultipartUploadRequest.builder().bucket(handle.bucket())
                .key(handle.key()).uploadId(handle.uploadId()).multipartUpload(m -> m.parts(parts));
        if (whole != null) {
            req.checksumType(ChecksumType.FULL_OBJECT).checksumCRC32C(whole.base64());
        }
        switch (precondition.kind()) {
            case IF_ABSENT -> req.ifNoneMatch("*");
            case IF_MATCH -> req.ifMatch(precondition.etag());
            case NONE -> { }
        }
        CompleteMultipartUploadResponse r;
        try {
            r = backend.client.completeMultipartUpload(req.build());
        } catch (SdkException e) {
            throw S3Errors.map(Operation.COMPLETE, "complete " + handle.target() + " (upload " + handle.uploadId() + ")", e, backend.settings);
        }
        long total = receipts.stream().mapToLong(PartReceipt::size).sum();
        long size = backend.stat(handle.bucket(), handle.key()).filter(i -> i.etag().equals(r.eTag()))
                .map(org.chunkedupload.api.ObjectInfo::size).orElse(total); // replaced meanwhile: trust the parts
        Checksum reported = r.checksumCRC32C() == null || r.checksumCRC32C().contains("-") ? null
                : new Checksum(org.chunkedupload.api.ChecksumAlgorithm.CRC32C, r.checksumCRC32C());
        return new UploadResult(new ObjectTarget(S3Provider.ID, handle.bucket(), handle.key()), size, r.eTag(),
                r.versionId(), reported, receipts.size());
    }

    /**
     * Aborts, then checks with ListParts that nothing is left: a part still in flight during the
     * abort may land afterwards, in which case the abort is repeated.
     */
    @Override
    public void abort() {
        for (int round = 0; round < ABORT_ROUNDS; round++) {
            try {
                backend.client.abortMultipartUpload(r -> r.bucket(handle.bucket()).key(handle.key())
                        .uploadId(handle.uploadId()));
            } catch (SdkException e) {
                RuntimeException mapped = S3Errors.map(Operation.ABORT, what("abort"), e, backend.settings);
                if (!(mapped instanceof NoSuchUploadException)) {
                    throw mapped;
                }
            }
            try {
                if (listParts().isEmpty()) {
                    return;
                }
            } catch (NoSuchUploadException gone) {
                return;
            }
        }
        throw new org.chunkedupload.api.TransientStorageException(what("abort") + ": parts were still listed after "
                + ABORT_ROUNDS + " aborts; abort again later", null);
    }
}
