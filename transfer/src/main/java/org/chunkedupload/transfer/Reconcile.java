package org.chunkedupload.transfer;

import java.util.HashMap;
import java.util.Map;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;

/** Decides which parts of a journaled upload are already on the store. */
final class Reconcile {
    private Reconcile() {
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
            return done;
        }
        Iterable<PartReceipt> stored;
        try {
            stored = session.listParts();
        } catch (NoSuchUploadException e) {
            throw new NoSuchUploadException("upload " + journal.handle.uploadId() + " of " + journal.handle.target()
                    + " no longer exists (completed, aborted or expired): delete " + journal.path
                    + " and upload the file again", e);
        }
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
            }
        }
        return done;
    }
}
