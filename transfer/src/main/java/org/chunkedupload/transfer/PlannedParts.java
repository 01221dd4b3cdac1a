package org.chunkedupload.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ConfigurationException;
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

    static List<PartReceipt> upload(TransferRun run, PartSources src, PartPlan plan, ChecksumAlgorithm alg,
                                                Map<Integer, PartReceipt> done) throws InterruptedException {
        run.partsTotal = plan.partCount();
        run.bytesTotal = plan.objectSize();
        List<PartReceipt> receipts = new ArrayList<>(done.values());
        done.values().forEach(run::alreadyDone);
        int todo = plan.partCount() - done.size();
        int[] numbers = new int[todo];
        long[] lengths = new long[todo];
        TransferRun.BodySupplier[] bodies = new TransferRun.BodySupplier[todo];
        int k = 0;
        for (int i = 0; i < plan.partCount(); i++) {
            if (done.containsKey(plan.partNumber(i))) {
                continue;
            }
            int index = i;
            numbers[k] = plan.partNumber(i);
            lengths[k] = plan.length(i);
            bodies[k++] = () -> src.open(plan.offset(index), plan.length(index));
        }
        receipts.addAll(run.uploadAll(numbers, lengths, bodies, alg));
        return TransferRun.sorted(receipts);
    }

    /**
     * The part checksum to compute before a part is sent: none when the store verifies none (or it is
     * turned off), the configured one when the store verifies it, else CRC-32C when the store takes it.
     *
     * @throws ConfigurationException when the configured algorithm is one the store does not verify
     */
    static ChecksumAlgorithm checksum(Capabilities caps, String providerId, ChecksumAlgorithm checksum,
                                      boolean checksumOff) {
        if (checksumOff || !caps.supports(Feature.PART_CHECKSUM)) {
            return null;
        }
        if (checksum != null) {
            if (!caps.checksumAlgorithms().contains(checksum)) {
                throw new ConfigurationException("provider " + providerId + " verifies " + caps.checksumAlgorithms()
                        + " part checksums, not " + checksum + ": choose one of those or none");
            }
            return checksum;
        }
        return caps.checksumAlgorithms().contains(ChecksumAlgorithm.CRC32C) ? ChecksumAlgorithm.CRC32C
                : caps.checksumAlgorithms().stream().findFirst().orElse(null);
    }
}
