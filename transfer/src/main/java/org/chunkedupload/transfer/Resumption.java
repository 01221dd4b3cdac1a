package org.chunkedupload.transfer;

import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;

/**
 * Finishes a journaled upload ({@link Uploader#resume}): refuses a changed source, reconciles the
 * journal with the store's part list, sends what is missing and completes; when the upload is gone,
 * finds out from the store whether it was completed.
 */
final class Resumption {
    private Resumption() {
    }

    static Transfer start(Uploader u, StorageBackend backend, Path journalPath) {
        Journal j = Journal.load(journalPath);
        SourceFingerprint now = SourceFingerprint.ofSource(j.source);
        if (!now.equals(j.fingerprint)) {
            throw new IntegrityException(j.source + " changed since the upload began (size, modification time or"
                    + " content differ from the journal): it cannot be resumed; abort upload " + j.handle.uploadId()
                    + " of " + j.handle.target() + " and upload the file again");
        }
        Capabilities caps = backend.capabilities();
        PartPlan plan = PartPlan.of(now.size(), caps, j.partSize, backend.providerId());
        ChecksumAlgorithm alg = u.partChecksum(caps, backend.providerId());
        return new Transfer(new TransferRun(u.settings, backend).owning(journalPath).start(run -> {
            Map<Integer, PartReceipt> done;
            try {
                run.verifying();
                run.attach(backend.resume(j.handle), j);
                done = Reconcile.done(run.upload(), caps, j, plan, PartSources.of(j.source));
            } catch (org.chunkedupload.api.NoSuchUploadException gone) {
                // completed by the run that wrote the journal (killed before it could say so), or really lost;
                // either way there is no upload left to abort, and the journal goes once the outcome is known
                run.attach(null, j);
                return OutcomeCheck.resolve(backend, Reconcile.expected(j, plan, PartSources.of(j.source)), gone);
            }
            u.settings.listener().onInitiated(j.handle);
            return PlannedParts.uploadFile(run, j.source, now, plan, alg, done, j.precondition);
        }));
    }
}
