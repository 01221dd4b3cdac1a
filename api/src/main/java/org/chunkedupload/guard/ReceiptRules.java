package org.chunkedupload.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidPartOrderException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ObjectTooLargeException;
import org.chunkedupload.api.PartTooSmallException;

/** The checks the API applies to part numbers and receipt lists before a provider sees them. */
final class ReceiptRules {
    private ReceiptRules() {
    }

    static void checkPartNumber(int partNumber, Capabilities caps, String provider) {
        if (partNumber < caps.minPartNumber() || partNumber > caps.maxPartNumber()) {
            throw new InvalidPartException("part number " + partNumber + " is outside the range "
                    + caps.minPartNumber() + ".." + caps.maxPartNumber() + " accepted by provider " + provider);
        }
    }

    /**
     * @return the receipts sorted by part number
     */
    static List<PartReceipt> validate(List<PartReceipt> receipts, Capabilities caps, String provider) {
        Objects.requireNonNull(receipts, "receipts");
        if (receipts.isEmpty()) {
            throw new InvalidPartException("complete needs at least one part receipt: upload at least one part"
                    + " (an empty object is one part of 0 bytes)");
        }
        List<PartReceipt> sorted = new ArrayList<>(receipts.size());
        for (PartReceipt r : receipts) {
            sorted.add(Objects.requireNonNull(r, "receipts must not contain null"));
        }
        sorted.sort(Comparator.comparingInt(PartReceipt::partNumber));
        if (sorted.size() > caps.maxPartCount()) {
            throw new InvalidPartException(sorted.size() + " parts exceed the maximum of " + caps.maxPartCount()
                    + " parts of provider " + provider + ": use a larger part size");
        }
        long total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            PartReceipt r = sorted.get(i);
            checkPartNumber(r.partNumber(), caps, provider);
            if (i > 0 && sorted.get(i - 1).partNumber() == r.partNumber()) {
                throw new InvalidPartOrderException("part " + r.partNumber()
                        + " appears twice in the receipt list: pass one receipt per part (the latest)");
            }
            if (i < sorted.size() - 1 && r.size() < caps.minPartSize()) {
                throw new PartTooSmallException("part " + r.partNumber() + " is " + r.size()
                        + " bytes, below the minimum part size " + caps.minPartSize() + " of provider " + provider
                        + " for every part but the last: use a larger part size");
            }
            if (caps.requiresEqualPartSizes() && i > 0 && i < sorted.size() - 1 && r.size() != sorted.get(0).size()) {
                throw new InvalidPartException("part " + r.partNumber() + " is " + r.size() + " bytes but part "
                        + sorted.get(0).partNumber() + " is " + sorted.get(0).size() + " bytes: provider " + provider
                        + " requires every part but the last to have the same size");
            }
            total += r.size();
        }
        if (total > caps.maxObjectSize()) {
            throw new ObjectTooLargeException("the parts hold " + total + " bytes, above the maximum object size "
                    + caps.maxObjectSize() + " of provider " + provider);
        }
        return List.copyOf(sorted);
    }
}
