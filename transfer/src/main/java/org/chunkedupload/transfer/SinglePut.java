package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.spi.Crc32c;

/**
 * A small object in one request, where the provider declares
 * {@link Capabilities.Feature#SINGLE_REQUEST_PUT}: an object of one part and at most
 * {@link #MAX_BYTES} is read once into memory (a file is then checked unchanged, so a changing file
 * is never published), and sent with {@code put}, with the part's retry policy. Nothing is left
 * pending on failure, so there is nothing to abort or resume. A retried put answered "precondition
 * failed" is resolved by looking at the object at the key (the first attempt may have succeeded).
 */
final class SinglePut {
    /** The largest object sent in one request: 16 MiB (it is held in memory while it is sent). */
    static final long MAX_BYTES = 16L << 20;
    /** The upload id listeners see for an object stored in one request (it names no upload to resume). */
    static final String UPLOAD_ID = "single-request-put";

    private SinglePut() {
    }

    /**
     * @param treeFile whether the object is a file of a directory upload (whose journal resumes a tree:
     *     a file sent in one request is simply sent again)
     * @return whether an object of this plan goes in one request; not when a journal promises a resumable upload
     */
    static boolean fits(Capabilities caps, PartPlan plan, Path journal, boolean treeFile) {
        return (journal == null || treeFile) && plan.partCount() == 1 && plan.objectSize() <= MAX_BYTES
                && caps.supports(Capabilities.Feature.SINGLE_REQUEST_PUT);
    }

    static Transfer start(Uploader u, StorageBackend backend, Path file, SourceFingerprint before, PartPlan plan,
                          ObjectTarget target) {
        return new Transfer(new TransferRun(u.settings, backend).start(run -> {
            byte[] bytes = Files.readAllBytes(file);
            SourceFingerprint after = SourceFingerprint.ofSource(file);
            if (bytes.length != before.size() || !after.equals(before)) {
                throw new IntegrityException(file + " changed while it was being read (" + before.difference(after)
                        + "); nothing was published: upload it again once it is no longer written to");
            }
            return send(u, backend, run, ByteBuffer.wrap(bytes), plan, target);
        }));
    }

    static Transfer start(Uploader u, StorageBackend backend, ByteBuffer data, PartPlan plan, ObjectTarget target) {
        ByteBuffer copy = data.duplicate();
        return new Transfer(new TransferRun(u.settings, backend).start(run -> send(u, backend, run, copy, plan, target)));
    }

    private static UploadResult send(Uploader u, StorageBackend backend, TransferRun run, ByteBuffer data, PartPlan plan,
                                     ObjectTarget target) throws InterruptedException {
        Instant began = Instant.now();
        AtomicReference<UploadResult> stored = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        run.attachPut(UploadHandle.of(backend.providerId(), target.bucket(), target.key(), UPLOAD_ID),
                (n, body, length, checksum) -> {
                    UploadResult r;
                    try {
                        attempts.incrementAndGet();
                        r = backend.put(target, body, length, checksum, u.options, u.precondition);
                    } catch (PreconditionFailedException e) {
                        if (attempts.get() == 1) {
                            throw e;
                        }
                        // an earlier attempt whose answer was lost may have written the object: look, do not guess
                        r = OutcomeCheck.resolve(backend, new OutcomeCheck.Expected(target, length, crc(data), 1, began), e);
                    }
                    stored.set(r);
                    return new PartReceipt(n, r.etag(), r.size(), r.checksum());
                });
        PlannedParts.upload(run, PartSources.of(data), plan, u.partChecksum(backend.capabilities(), backend.providerId()),
                Map.of());
        return stored.get();
    }

    private static org.chunkedupload.api.Checksum crc(ByteBuffer data) {
        try {
            return Crc32c.of(PartSources.of(data).open(0, data.remaining()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
