package org.chunkedupload.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;

/**
 * Sends the parts of a plan that are not done yet on a transfer's workers, and completes a file
 * upload only when the file did not change meanwhile.
 */
final class PlannedParts {
    private PlannedParts() {
    }

    static UploadResult uploadFile(TransferRun run, Path file, SourceFingerprint before, PartPlan plan,
                                    ChecksumAlgorithm alg, Map<Integer, PartReceipt> done, WritePrecondition pre)
            throws InterruptedException {
        List<PartReceipt> receipts = upload(run, PartSources.of(file), plan, alg, done);
        SourceFingerprint after = SourceFingerprint.ofSource(file);
        if (!after.equals(before)) {
            throw new IntegrityException(file + " changed while it was being uploaded (" + before.difference(after)
                    + "), so the parts may mix old and new bytes; nothing was published: upload it again once it is"
                    + " no longer written to");
        }
        return run.complete(receipts, pre);
    }

    /**
     * Sends the plan's parts that {@code done} does not hold yet.
     *
     * @return every part's receipt, in part order
     */
    static List<PartReceipt> upload(TransferRun run, PartSources src, PartPlan plan, ChecksumAlgorithm alg,
                                    Map<Integer, PartReceipt> done) throws InterruptedException {
        run.expect(plan.partCount(), plan.objectSize());
        done.values().forEach(run::alreadyDone);
        List<PartTask> todo = new ArrayList<>(plan.partCount() - done.size());
        for (int i = 0; i < plan.partCount(); i++) {
            if (!done.containsKey(plan.partNumber(i))) {
                todo.add(PartTask.of(plan, src, i));
            }
        }
        Iterator<PartReceipt> sent = run.uploadAll(todo, alg).iterator();
        List<PartReceipt> receipts = new ArrayList<>(plan.partCount());
        for (int i = 0; i < plan.partCount(); i++) {
            PartReceipt r = done.get(plan.partNumber(i));
            receipts.add(r != null ? r : sent.next());
        }
        return receipts;
    }

    /** {@link Uploader#start(StorageBackend, java.nio.ByteBuffer, org.chunkedupload.api.ObjectTarget)}. */
    static Transfer start(Uploader u, StorageBackend backend, java.nio.ByteBuffer data,
                          org.chunkedupload.api.ObjectTarget target) {
        if (u.journal != null) {
            throw new IllegalArgumentException("a journal needs a file source; buffers cannot be resumed after a crash");
        }
        PartPlan plan = PartPlan.of(data.remaining(), backend.capabilities(), u.partSize, backend.providerId());
        if (SinglePut.fits(backend.capabilities(), plan, null, false)) {
            return SinglePut.start(u, backend, data, plan, target);
        }
        ChecksumAlgorithm alg = u.partChecksum(backend.capabilities(), backend.providerId());
        PartSources src = PartSources.of(data);
        return new Transfer(new TransferRun(u.settings, backend).start(run -> {
            run.attach(backend.initiate(target, u.withHint(plan.partSize())), null);
            u.settings.listener().onInitiated(run.upload().handle());
            return run.complete(upload(run, src, plan, alg, Map.of()), u.precondition);
        }));
    }
}
