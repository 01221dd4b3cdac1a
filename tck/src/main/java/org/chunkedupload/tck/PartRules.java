package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PartTooLargeException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules PART-*: uploading, replacing and refusing parts. */
public abstract class PartRules extends CapabilityRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected PartRules() {
    }

    @Hint("the part number and size you put into the receipt.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-01 a receipt reports the part number and size uploaded")
    final void part01() {
        ChunkedUploadSession s = start(key("part01"));
        PartReceipt r = upload(s, 3, 1234);
        assertEquals(3, r.partNumber());
        assertEquals(1234, r.size());
        assertFalse(r.token().isEmpty(), "receipt token");
    }

    @Hint("the part-number range in your capabilities.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-02 part numbers outside the declared range are rejected")
    final void part02() {
        ChunkedUploadSession s = start(key("part02"));
        expect(InvalidPartException.class, () -> upload(s, caps.minPartNumber() - 1, 10));
        Assumptions.assumeTrue(caps.maxPartNumber() < Integer.MAX_VALUE, "no part number above the maximum exists");
        expect(InvalidPartException.class, () -> upload(s, caps.maxPartNumber() + 1, 10));
    }

    @Hint("your declared maxPartSize.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-03 a part above maxPartSize is rejected before its body is read")
    final void part03() {
        Assumptions.assumeTrue(caps.maxPartSize() < Long.MAX_VALUE, "SKIPPED: maxPartSize is unbounded");
        ChunkedUploadSession s = start(key("part03"));
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body of an oversized part was read");
            }
        };
        expect(PartTooLargeException.class, () -> s.uploadPart(1, never, caps.maxPartSize() + 1));
    }

    @Hint("that your provider stores a part only after reading all its bytes (stage to a temporary name, then rename; or let the store reject a short body), and that the exception from the body propagates.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-04 a short body fails with IntegrityException and stores nothing")
    final void part04() {
        ChunkedUploadSession s = start(key("part04"));
        byte[] half = Payloads.part(1, 500);
        expect(IntegrityException.class, () -> s.uploadPart(1, new ByteArrayInputStream(half), 1000));
        if (caps.supports(Feature.LIST_PARTS)) {
            assertEquals(List.of(), s.listParts(), "a part from a short body was stored");
        }
    }

    @Hint("that uploading a part number again overwrites the stored part.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-05 re-uploading a part number replaces the part")
    final void part05() {
        String k = key("part05");
        ChunkedUploadSession s = start(k);
        int size = partSize();
        PartReceipt first = s.uploadPart(1, Payloads.part(9, size));
        PartReceipt two = upload(s, 2, 100);
        PartReceipt again = upload(s, 1, size);
        assertEquals(first.partNumber(), again.partNumber());
        complete(s, again, two);
        assertObject(k, new int[][] {{1, size}, {2, 100}});
    }

    @Hint("that complete compares each receipt's token with the part currently stored (ETag, generation, block id) and refuses a mismatch.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-06 a replaced part's earlier receipt is rejected at complete")
    final void part06() {
        String k = key("part06");
        ChunkedUploadSession s = start(k);
        int size = partSize();
        PartReceipt stale = s.uploadPart(1, Payloads.part(9, size));
        PartReceipt two = upload(s, 2, 100);
        upload(s, 1, size);
        expect(InvalidPartException.class, () -> complete(s, stale, two));
        assertNoObject(k);
    }

    /** Several MiB (5 MiB, or the minimum part size when larger) plus {@code delta}, within the provider's limits. */
    private int largeOdd(int delta) {
        long base = Math.max(caps.minPartSize(), 5L << 20) + delta;
        return (int) Math.min(Math.min(base, caps.maxPartSize()), Integer.MAX_VALUE - 16);
    }

    @Hint("that your provider copies every byte of a large part (buffer boundaries, short reads of the body, chunked copies) and reports the size it stored, not the size it was told.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-07 a part of several MiB and an odd size is stored byte-exact")
    final void part07() {
        String k = key("part07");
        ChunkedUploadSession s = start(k);
        int size = largeOdd(1);
        complete(s, upload(s, 1, size));
        assertObject(k, new int[][] {{1, size}});
    }

    @Hint("that each part of a large upload is stored whole and in part order: compare the bytes at each part boundary of the object with the parts.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-08 an upload of several large parts of odd sizes is byte-exact")
    final void part08() {
        String k = key("part08");
        ChunkedUploadSession s = start(k);
        int a = largeOdd(1);
        int b = largeOdd(3);
        int last = (int) Math.min(caps.maxPartSize(), (3 << 20) - 7);
        PartReceipt r2 = upload(s, 2, b);
        PartReceipt r1 = upload(s, 1, a);
        PartReceipt r3 = upload(s, 3, last);
        complete(s, r3, r1, r2);
        assertObject(k, new int[][] {{1, a}, {2, b}, {3, last}});
    }

    @Hint("that your provider streams a part as large as its declared maxPartSize (up to the kit's cap) without truncating it, and that the store keeps all of it.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-09 a part as large as the provider allows (up to the kit's cap) is stored byte-exact")
    final void part09() {
        String k = key("part09");
        ChunkedUploadSession s = start(k);
        int size = (int) Math.min(Math.min(caps.maxPartSize(), largePartCap()), Integer.MAX_VALUE - 16);
        complete(s, upload(s, 1, size));
        assertObject(k, new int[][] {{1, size}});
    }

    /** @return a temporary file holding part {@code n} of {@code size} bytes, deleted after the rule */
    private java.nio.file.Path partFile(int n, int size) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("tck-part-", ".bin");
            closeAfterRule(() -> java.nio.file.Files.deleteIfExists(f));
            return java.nio.file.Files.write(f, Payloads.part(n, size));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Checksum crc32c(byte[] b) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b);
        return Checksum.crc32c(c.getValue());
    }

    @Hint("that a body implementing ZeroCopySource is either read like any stream or, if your provider moves it with transferTo, moved whole: every transferTo call may move fewer bytes than asked.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-10 a part from a file a provider may send unread (ZeroCopySource) is stored byte-exact")
    final void part10() {
        String k = key("part10");
        ChunkedUploadSession s = start(k);
        int size = largeOdd(5);
        java.nio.file.Path f = partFile(1, size);
        PartReceipt r1 = s.uploadPart(1, () -> FilePartStream.open(f), size, crc32c(Payloads.part(1, size)));
        assertEquals(size, r1.size());
        complete(s, r1, upload(s, 2, 100));
        assertObject(k, new int[][] {{1, size}, {2, 100}});
    }

    @Hint("that a part sent unread carries the caller's CRC-32C to a store that verifies it (the API passes a ZeroCopySource on unread only to a provider declaring PART_CHECKSUM with CRC32C), and that the store's refusal becomes an IntegrityException.")
    @Test
    @Tag("MUST")
    @DisplayName("PART-11 a part from a file whose bytes do not match its CRC-32C fails with IntegrityException and stores nothing")
    final void part11() {
        ChunkedUploadSession s = start(key("part11"));
        int size = largeOdd(7);
        java.nio.file.Path f = partFile(1, size);
        Checksum other = crc32c(Payloads.part(2, size)); // as if the file changed after its checksum was taken
        expect(IntegrityException.class, () -> s.uploadPart(1, () -> FilePartStream.open(f), size, other));
        if (caps.supports(Feature.LIST_PARTS)) {
            assertEquals(List.of(), s.listParts(), "a part whose bytes did not match its checksum was stored");
        }
    }
}
