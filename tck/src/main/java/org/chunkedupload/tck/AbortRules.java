package org.chunkedupload.tck;

import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PartReceipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules ABRT-*: abort discards an upload, is idempotent, and never touches an existing object. */
public abstract class AbortRules extends PutRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected AbortRules() {
    }

    @Hint("that abort works on an upload with no parts (GCS/Azure: the upload record alone).")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-01 abort before any part succeeds and the upload is gone")
    final void abrt01() {
        ChunkedUploadSession s = start(key("abrt01"));
        s.abort();
        assertGone(s);
    }

    @Hint("that abort removes every part and the upload's state.")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-02 abort after parts leaves no object and the upload is gone")
    final void abrt02() {
        String k = key("abrt02");
        ChunkedUploadSession s = start(k);
        upload(s, 1, partSize());
        upload(s, 2, 10);
        s.abort();
        assertNoObject(k);
        assertGone(s);
    }

    @Hint("that a second abort maps the store's not-found answer to success.")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-03 abort is idempotent")
    final void abrt03() {
        ChunkedUploadSession s = start(key("abrt03"));
        upload(s, 1, 10);
        s.abort();
        s.abort();
        assertGone(s);
    }

    @Hint("that uploadPart checks that the upload still exists (Azure would accept the block).")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-04 uploadPart after abort fails with NoSuchUploadException")
    final void abrt04() {
        ChunkedUploadSession s = start(key("abrt04"));
        upload(s, 1, 10);
        s.abort();
        expect(NoSuchUploadException.class, () -> upload(s, 2, 10));
    }

    @Hint("that complete checks that the upload still exists and maps the store's answer.")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-05 complete after abort fails with NoSuchUploadException; no object")
    final void abrt05() {
        String k = key("abrt05");
        ChunkedUploadSession s = start(k);
        PartReceipt r = upload(s, 1, 10);
        s.abort();
        expect(NoSuchUploadException.class, () -> complete(s, r));
        assertNoObject(k);
    }

    @Hint("that abort deletes only the upload's parts, never the object at the key.")
    @Test
    @Tag("MUST")
    @DisplayName("ABRT-06 abort does not touch an object that already existed at the key")
    final void abrt06() {
        String k = key("abrt06");
        ChunkedUploadSession first = start(k);
        complete(first, upload(first, 4, 321));
        ChunkedUploadSession s = start(k);
        upload(s, 1, 10);
        s.abort();
        assertObject(k, new int[][] {{4, 321}});
    }
}
