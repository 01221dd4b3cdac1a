package org.chunkedupload.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.chunkedupload.api.PartReceipt;

/**
 * One task's share of a giant object: parts {@code first..last} (inclusive), and the receipts the
 * store already holds for them (a resumed job), which are kept when the store's part has the source
 * range's size and CRC-32C.
 *
 * @param first the first part number
 * @param last the last part number
 * @param stored the store's receipts of parts in the range, by part number
 */
record PartRange(int first, int last, TreeMap<Integer, PartReceipt> stored) implements Serializable {
    static PartRange of(int first, int last, Map<Integer, PartReceipt> all) {
        return new PartRange(first, last, new TreeMap<>(all.entrySet().stream()
                .filter(e -> e.getKey() >= first && e.getKey() <= last)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }
}
