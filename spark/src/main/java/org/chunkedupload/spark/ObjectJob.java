package org.chunkedupload.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.TransferPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of one giant object: plans the parts and initiates (or, for a resumed job, lists
 * what the store holds), spreads contiguous part ranges over tasks, confirms the receipts the tasks
 * returned against the store's part list, completes, and on failure aborts (or keeps, returning a
 * manifest). Task retries and speculative copies cannot corrupt the object: the driver keeps one
 * receipt per part, and completes with it only when the store holds that part with the same bytes.
 */
final class ObjectJob {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectJob.class);

    private ObjectJob() {
    }

    static UploadResult run(SparkUpload job, SourcePath source, ObjectTarget target, UploadManifest resumed) {
        StorageBackend backend = job.config.backend();
        long size = source.open().size();
        Capabilities caps = backend.capabilities();
        TransferPlan plan = job.uploader().plan(caps, backend.providerId(), size);
        int first = caps.minPartNumber();
        int parts = plan.partCount();
        ChunkedUploadSession session;
        Map<Integer, PartReceipt> stored = new HashMap<>();
        if (resumed == null) {
            session = backend.initiate(target, job.options.toBuilder().partSizeHint(plan.partSize()).build());
        } else {
            if (resumed.size() != size || resumed.partSize() != plan.partSize()) {
                throw new IntegrityException(source.path() + " is " + size + " bytes planned in parts of " + plan.partSize()
                        + ", but the kept upload was " + resumed.size() + " bytes in parts of " + resumed.partSize()
                        + ": the source changed or the part size differs; abort upload " + resumed.handle().uploadId()
                        + " and upload the object again");
            }
            session = backend.resume(resumed.handle());
            if (caps.supports(Capabilities.Feature.LIST_PARTS)) {
                session.listParts().forEach(r -> stored.put(r.partNumber(), r));
            }
        }
        UploadManifest manifest = new UploadManifest(session.handle(), source.path(), size, plan.partSize(), List.of(), null);
        int tasks = Math.max(1, Math.min(job.tasks, parts));
        List<PartRange> ranges = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int lo = first + (int) ((long) parts * t / tasks);
            int hi = first + (int) ((long) parts * (t + 1) / tasks) - 1;
            ranges.add(PartRange.of(lo, hi, stored));
        }
        LOG.info("uploading {} ({} bytes, {} parts of {} bytes) to {} from {} tasks{}", source.path(), size, parts,
                plan.partSize(), target, tasks, stored.isEmpty() ? "" : ", " + stored.size() + " parts already stored");
        try {
            List<PartReceipt> receipts = job.inGroup("upload " + target, () -> job.sc.parallelize(ranges, tasks)
                    .flatMap(new PartRangeTask(job.config, session.handle(), source, plan.partSize(), job.concurrency,
                            job.metrics))
                    .collect());
            UploadResult r = session.complete(confirmed(session, caps, receipts, first, parts));
            LOG.info("completed {}: {} bytes; {}", target, r.size(), job.metrics);
            return r;
        } catch (Exception e) { // Spark's own SparkException is checked in Java's eyes
            String why = JobFailure.why(e);
            if (job.keepOnFailure) {
                LOG.warn("the job uploading {} failed; upload {} is kept for a later job ({})", target,
                        session.handle().uploadId(), why);
                throw new SparkUploadException("the Spark job uploading " + source.path() + " to " + target + " failed ("
                        + why + "); its upload is kept: resume it with SparkUpload.resume(manifest)", manifest, e);
            }
            try {
                session.abort();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw new ChunkedUploadException("the Spark job uploading " + source.path() + " to " + target + " failed ("
                    + why + "); its upload was aborted", e);
        }
    }

    /**
     * @return one receipt per part, in order, each confirmed by the store's part list where the store
     *     lists parts: the same token, or (a late duplicate attempt re-sent the part) the same size and CRC-32C
     * @throws InvalidPartException when a part is missing or the store holds other bytes for it
     */
    static List<PartReceipt> confirmed(ChunkedUploadSession session, Capabilities caps, List<PartReceipt> receipts,
                                       int first, int parts) {
        Map<Integer, PartReceipt> kept = new HashMap<>();
        receipts.forEach(r -> kept.put(r.partNumber(), r));
        Map<Integer, PartReceipt> stored = new HashMap<>();
        if (caps.supports(Capabilities.Feature.LIST_PARTS)) {
            session.listParts().forEach(r -> stored.put(r.partNumber(), r));
        }
        List<PartReceipt> out = new ArrayList<>(parts);
        for (int n = first; n < first + parts; n++) {
            PartReceipt k = kept.get(n);
            if (k == null) {
                throw new InvalidPartException("no task returned part " + n + " of " + parts + ": the job is incomplete");
            }
            PartReceipt s = stored.get(n);
            if (stored.isEmpty() || s != null && s.token().equals(k.token())) {
                out.add(k);
            } else if (s != null && s.size() == k.size() && k.checksum() != null && s.checksum() != null
                    && k.checksum().algorithm() == ChecksumAlgorithm.CRC32C && k.checksum().equals(s.checksum())) {
                LOG.info("part {} was sent again by another attempt with the same bytes: completing with the store's"
                        + " receipt", n);
                out.add(s);
            } else {
                throw new InvalidPartException("the store holds " + (s == null ? "no part " + n
                        : "other bytes for part " + n + " than the attempt whose receipt the driver kept")
                        + ": a failed or duplicate task attempt replaced it; run the job again");
            }
        }
        out.sort(Comparator.comparingInt(PartReceipt::partNumber));
        return out;
    }
}
