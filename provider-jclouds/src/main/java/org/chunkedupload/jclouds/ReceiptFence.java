package org.chunkedupload.jclouds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.PartReceipt;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jspecify.annotations.Nullable;

/**
 * Receipts against the store's own part list, before complete: a receipt naming a part the store
 * does not hold, or holding other bytes now (another ETag or size), is refused with
 * {@link InvalidPartException} instead of being handed to jclouds, whose local stores join whatever
 * blob carries the number.
 */
final class ReceiptFence {
    private ReceiptFence() {
    }

    static void check(List<PartReceipt> receipts, List<MultipartPart> listed, String what) {
        Map<Integer, MultipartPart> byNumber = new HashMap<>();
        listed.forEach(p -> byNumber.put(p.partNumber(), p));
        for (PartReceipt r : receipts) {
            MultipartPart p = byNumber.get(r.partNumber());
            if (p == null) {
                throw new InvalidPartException(what + " refused: the store holds no part " + r.partNumber()
                        + "; upload it again and complete with its new receipt");
            }
            String held = JcloudsUpload.etag(p.partETag());
            if (!held.equals(JcloudsUpload.etag(r.token())) || p.partSize() != r.size()) {
                throw new InvalidPartException(what + " refused: the receipt of part " + r.partNumber() + " (ETag "
                        + r.token() + ", " + r.size() + " bytes) is stale: the store holds ETag " + held + ", "
                        + p.partSize() + " bytes; complete with the part's latest receipt (see listParts)");
            }
        }
    }

    /** @return the part numbers listed but not named by a receipt */
    static Set<Integer> unnamed(List<PartReceipt> receipts, List<MultipartPart> listed) {
        Set<Integer> named = receipts.stream().map(PartReceipt::partNumber).collect(Collectors.toSet());
        return listed.stream().map(MultipartPart::partNumber).filter(n -> !named.contains(n)).collect(Collectors.toSet());
    }

    /**
     * @return the ETag S3 gives an object completed from these parts (the MD5 of the parts' MD5s, a
     *     dash, the part count), or {@code null} when a token is not an MD5
     */
    static @Nullable String s3Etag(List<PartReceipt> receipts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (PartReceipt r : receipts) {
                String t = JcloudsUpload.etag(r.token());
                if (t.length() != 32) {
                    return null;
                }
                md5.update(HexFormat.of().parseHex(t));
            }
            return HexFormat.of().formatHex(md5.digest()) + "-" + receipts.size();
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return null;
        }
    }
}
