package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules LIST-*: listing the parts of an upload. Needs {@link Feature#LIST_PARTS}. */
public abstract class ListPartsRules extends PartRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected ListPartsRules() {
    }

    private static void assertSameReceipt(PartReceipt expected, PartReceipt actual) {
        assertEquals(expected.partNumber(), actual.partNumber(), "part number");
        assertEquals(expected.token(), actual.token(), "token of part " + expected.partNumber());
        assertEquals(expected.size(), actual.size(), "size of part " + expected.partNumber());
    }

    @Hint("pagination of your native list call, the token you report (it must be the one uploadPart returned), and that you report sizes of the stored parts.")
    @Test
    @Tag("MUST")
    @DisplayName("LIST-01 listParts reports every part with the receipts uploadPart returned")
    final void list01() {
        requires(Feature.LIST_PARTS);
        ChunkedUploadSession s = start(key("list01"));
        int size = partSize();
        PartReceipt r3 = upload(s, 3, 77);
        PartReceipt r1 = upload(s, 1, size);
        PartReceipt r2 = upload(s, 2, size);
        List<PartReceipt> listed = s.listParts();
        assertEquals(3, listed.size(), "listed parts: " + listed);
        assertSameReceipt(r1, listed.get(0));
        assertSameReceipt(r2, listed.get(1));
        assertSameReceipt(r3, listed.get(2));
    }

    @Hint("that a replaced part is listed once, with its newest token.")
    @Test
    @Tag("MUST")
    @DisplayName("LIST-02 after a replace, listParts reports only the latest receipt, which completes")
    final void list02() {
        requires(Feature.LIST_PARTS);
        String k = key("list02");
        ChunkedUploadSession s = start(k);
        int size = partSize();
        s.uploadPart(1, Payloads.part(9, size));
        upload(s, 2, 50);
        PartReceipt latest = upload(s, 1, size);
        List<PartReceipt> listed = s.listParts();
        assertEquals(2, listed.size(), "listed parts: " + listed);
        assertSameReceipt(latest, listed.get(0));
        s.complete(listed);
        assertObject(k, new int[][] {{1, size}, {2, 50}});
    }
}
