package org.chunkedupload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.chunkedupload.spi.Crc32c;
import org.junit.jupiter.api.Test;

class Crc32cTest {

    private static long crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }

    @Test
    void combiningPartCrcsEqualsTheCrcOfTheWhole() {
        Random rnd = new Random(1);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[rnd.nextInt(5000)];
            rnd.nextBytes(data);
            int cut = data.length == 0 ? 0 : rnd.nextInt(data.length + 1);
            long combined = Crc32c.combine(crc(data, 0, cut), crc(data, cut, data.length - cut), data.length - cut);
            assertEquals(crc(data, 0, data.length), combined, "cut at " + cut + " of " + data.length);
        }
    }

    @Test
    void receiptsCombineInOrder() {
        byte[] data = new byte[10_000];
        new Random(2).nextBytes(data);
        List<PartReceipt> receipts = new ArrayList<>();
        int[] cuts = {0, 4096, 4096, 8192, 10_000};
        for (int i = 0; i + 1 < cuts.length; i++) {
            int len = cuts[i + 1] - cuts[i];
            receipts.add(new PartReceipt(i + 1, "t", len, Checksum.crc32c(crc(data, cuts[i], len))));
        }
        assertEquals(Checksum.crc32c(crc(data, 0, data.length)), Crc32c.combine(receipts));
        receipts.add(new PartReceipt(9, "t", 1, null));
        assertEquals(null, Crc32c.combine(receipts));
    }
}
