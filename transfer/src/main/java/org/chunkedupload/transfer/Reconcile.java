package org.chunkedupload.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.spi.Crc32c;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides which parts of a journaled upload are already on the store. */
final class Reconcile {
    private static final Logger LOG = LoggerFactory.getLogger(Reconcile.class);
    private Reconcile() {
    }

    /**
     * What the journaled upload's object is once complete: the source's size and CRC-32C (combined
     * from the journal's receipts when it holds every part, else read from the source).
     */
    static OutcomeCheck.Expected expected(Journal journal, PartPlan plan, PartSources source) {
        Map<Integer, PartReceipt> journaled = journal.receipts();
        List<PartReceipt> all = new ArrayList<>();
        for (int i = 0; i < plan.partCount(); i++) {
            PartReceipt r = journaled.get(plan.partNumber(i));
            if (r == null || r.size() != plan.length(i) || r.checksum() == null
                    || r.checksum().algorithm() != ChecksumAlgorithm.CRC32C) {
                all = null;
                break;
            }
            all.add(r);
        }
        Checksum crc = all != null ? Crc32c.combine(all)
                : PartSources.checksum(source.open(0, plan.objectSize()), ChecksumAlgorithm.CRC32C);
        return new OutcomeCheck.Expected(journal.handle.target(), plan.objectSize(), crc, plan.partCount(),
                journal.initiated);
    }

    /**
     * @return receipts of parts that need not be sent again, keyed by part number
     */
    static Map<Integer, PartReceipt> done(ChunkedUploadSession session, Capabilities caps, Journal journal, PartPlan plan,
                                          PartSources source) {
        Map<Integer, PartReceipt> journaled = journal.receipts();
        Map<Integer, PartReceipt> done = new HashMap<>();
        if (!caps.supports(Feature.LIST_PARTS)) {
            journaled.forEach((n, r) -> {
                int i = n - plan.firstPartNumber();
                if (i >= 0 && i < plan.partCount() && r.size() == plan.length(i)) {
                    done.put(n, r); // the store cannot list parts: trust the journal; complete rejects stale receipts
                }
            });
            LOG.info("resuming upload {} of {}: the store cannot list parts, so the journal's {} receipts are trusted"
                    + " (complete refuses stale ones), {} parts to send", journal.handle.uploadId(),
                    journal.handle.target(), done.size(), plan.partCount() - done.size());
            return done;
        }
        Iterable<PartReceipt> stored;
        try {
            stored = session.listParts();
        } catch (NoSuchUploadException e) {
            throw new NoSuchUploadException("upload " + journal.handle.uploadId() + " of " + journal.handle.target()
                    + " no longer exists (completed, aborted or expired)", e);
        }
        int adopted = 0;
        for (PartReceipt r : stored) {
            int i = r.partNumber() - plan.firstPartNumber();
            if (i < 0 || i >= plan.partCount() || r.size() != plan.length(i)) {
                continue; // not a part of this plan: it is replaced or left out at complete
            }
            PartReceipt mine = journaled.get(r.partNumber());
            if (mine != null && mine.token().equals(r.token())) {
                done.put(r.partNumber(), mine.checksum() != null ? mine : r);
            } else if (r.checksum() != null && r.checksum().algorithm() == ChecksumAlgorithm.CRC32C
                    && r.checksum().equals(PartSources.checksum(source.open(plan.offset(i), plan.length(i)),
                    ChecksumAlgorithm.CRC32C))) {
                done.put(r.partNumber(), r); // uploaded after the journal's last write; its bytes match the source
                adopted++;
            }
        }
        LOG.info("resuming upload {} of {}: {} of {} parts already stored ({} from the journal, {} adopted from the"
                + " store's list by CRC-32C), {} to send", journal.handle.uploadId(), journal.handle.target(), done.size(),
                plan.partCount(), done.size() - adopted, adopted, plan.partCount() - done.size());
        return done;
    }
}
