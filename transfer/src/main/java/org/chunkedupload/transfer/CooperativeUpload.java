package org.chunkedupload.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;

/**
 * One upload shared by several processes or hosts: each sends a disjoint range of parts of the same
 * file and plan ({@link Uploader#uploadParts}), never aborting the shared upload on failure, and any
 * one completes it from the store's part list ({@link Uploader#completeUploaded}).
 */
final class CooperativeUpload {
    private CooperativeUpload() {
    }

    static List<PartReceipt> uploadParts(Uploader u, StorageBackend backend, UploadHandle handle, RangeSource source,
                                         int firstPart, int lastPart) {
        PartPlan plan = PartPlan.of(source.size(), backend.capabilities(), u.partSize, backend.providerId());
        int first = plan.partNumber(0);
        int last = plan.partNumber(plan.partCount() - 1);
        if (firstPart < first || lastPart > last || firstPart > lastPart) {
            throw new IllegalArgumentException("part range " + firstPart + ".." + lastPart + " is not within the plan's "
                    + first + ".." + last + " (" + plan.partCount() + " parts of " + plan.partSize() + " bytes)");
        }
        TransferRun run = new TransferRun(u.settings, backend);
        run.attach(backend.resume(handle), null);
        try {
            PartSources src = (offset, length) -> {
                try {
                    return source.open(offset, length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            List<PartTask> tasks = new ArrayList<>(lastPart - firstPart + 1);
            for (int number = firstPart; number <= lastPart; number++) {
                tasks.add(PartTask.of(plan, src, number - first));
            }
            return run.uploadAll(tasks, u.partChecksum(backend.capabilities(), backend.providerId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledTransferException("interrupted while uploading parts", e);
        } finally {
            run.shutdown();
        }
    }

    static UploadResult completeUploaded(Uploader u, StorageBackend backend, UploadHandle handle, long size,
                                         WritePrecondition precondition) {
        PartPlan plan = PartPlan.of(size, backend.capabilities(), u.partSize, backend.providerId());
        var session = backend.resume(handle);
        Map<Integer, PartReceipt> stored = new java.util.HashMap<>();
        session.listParts().forEach(r -> stored.put(r.partNumber(), r));
        List<PartReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < plan.partCount(); i++) {
            PartReceipt r = stored.get(plan.partNumber(i));
            if (r == null || r.size() != plan.length(i)) {
                throw new InvalidPartException("part " + plan.partNumber(i) + " of " + plan.partCount() + " is "
                        + (r == null ? "missing" : r.size() + " bytes, not " + plan.length(i)) + ": upload it before completing");
            }
            receipts.add(r);
        }
        return session.complete(receipts, precondition);
    }
}
