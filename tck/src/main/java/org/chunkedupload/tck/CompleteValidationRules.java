package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.zip.CRC32C;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidPartOrderException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PartTooSmallException;
import org.chunkedupload.api.UploadResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules COMP-08, 09, 11, 12, 15, 16, 17: what complete refuses, and what it reports. */
public abstract class CompleteValidationRules extends CompleteOrderRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected CompleteValidationRules() {
    }

    @Hint("nothing in the provider: the API refuses duplicates before calling it.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-08 a part named twice is rejected; no object; the upload still completes")
    final void comp08() {
        String k = key("comp08");
        ChunkedUploadSession s = start(k);
        PartReceipt r1 = upload(s, 1, partSize());
        PartReceipt r2 = upload(s, 2, 20);
        expect(InvalidPartOrderException.class, () -> complete(s, r1, r2, r1));
        assertNoObject(k);
        complete(s, r1, r2);
        assertObject(k, new int[][] {{1, partSize()}, {2, 20}});
    }

    @Hint("nothing in the provider: the API refuses an empty list before calling it.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-09 an empty receipt list is rejected; no object")
    final void comp09() {
        String k = key("comp09");
        ChunkedUploadSession s = start(k);
        upload(s, 1, 10);
        expect(InvalidPartException.class, () -> s.complete(List.of()));
        assertNoObject(k);
    }

    @Hint("the minPartSize you declare.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-11 a non-last part below minPartSize is rejected; no object")
    final void comp11() {
        Assumptions.assumeTrue(caps.minPartSize() > 0, "SKIPPED: provider " + backend.providerId()
                + " declares no minimum part size (minPartSize = 0)");
        String k = key("comp11");
        ChunkedUploadSession s = start(k);
        PartReceipt small = upload(s, 1, (int) caps.minPartSize() - 1);
        PartReceipt last = upload(s, 2, 10);
        expect(PartTooSmallException.class, () -> complete(s, small, last));
        assertNoObject(k);
    }

    @Hint("zero-length parts (Azure rejects empty blocks; commit an empty list instead).")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-12 an empty object can be created")
    final void comp12() {
        String k = key("comp12");
        ChunkedUploadSession s = start(k);
        UploadResult r = complete(s, upload(s, 1, 0));
        assertEquals(0, r.size());
        assertObject(k, new int[][] {{1, 0}});
    }

    @Hint("the checksum you put in the result (it must describe the whole object, e.g. GCS crc32c, not a part's); that the ETag you return is the one a later stat reports.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-15 the result's checksum is the object's CRC-32C; its ETag matches stat")
    final void comp15() {
        String k = key("comp15");
        ChunkedUploadSession s = start(k);
        int size = partSize();
        UploadResult r = complete(s, upload(s, 1, size), upload(s, 2, 1000));
        CRC32C crc = new CRC32C();
        crc.update(Payloads.part(1, size));
        crc.update(Payloads.part(2, 1000));
        if (r.checksum() != null && r.checksum().algorithm() == ChecksumAlgorithm.CRC32C) {
            assertEquals(Checksum.crc32c(crc.getValue()), r.checksum(), "whole-object CRC-32C");
        }
        assertEquals(backend.stat(bucket, k).orElseThrow().etag(), r.etag(), "ETag of the result vs stat");
    }

    @Hint("that complete overwrites (S3 semantics) when no precondition is given.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-16 complete without a precondition replaces an existing object")
    final void comp16() {
        String k = key("comp16");
        ChunkedUploadSession first = start(k);
        complete(first, upload(first, 5, 300));
        ChunkedUploadSession second = start(k);
        complete(second, upload(second, 1, 200));
        assertObject(k, new int[][] {{1, 200}});
    }

    @Hint("that complete removes the upload's state, so the handle is dead afterwards.")
    @Test
    @Tag("MUST")
    @DisplayName("COMP-17 after complete, uploadPart fails with NoSuchUploadException")
    final void comp17() {
        String k = key("comp17");
        ChunkedUploadSession s = start(k);
        complete(s, upload(s, 1, 100));
        expect(NoSuchUploadException.class, () -> upload(s, 2, 100));
        assertGone(s);
        assertObject(k, new int[][] {{1, 100}});
    }
}
