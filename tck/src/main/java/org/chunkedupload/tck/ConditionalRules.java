package org.chunkedupload.tck;

import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules COND-*: conditional complete. */
public abstract class ConditionalRules extends CompleteValidationRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected ConditionalRules() {
    }

    private String existing(String name, int size) {
        String k = key(name);
        ChunkedUploadSession s = start(k);
        complete(s, upload(s, 7, size));
        return k;
    }

    @Hint("that create-only is sent to the store ({@code If-None-Match: *}, {@code ifGenerationMatch=0}) and its refusal is mapped to PreconditionFailedException.")
    @Test
    @Tag("MUST")
    @DisplayName("COND-01 create-only complete over an existing object fails; the object is untouched")
    final void cond01() {
        requires(Feature.CONDITIONAL_CREATE);
        String k = existing("cond01", 123);
        ChunkedUploadSession s = start(k);
        PartReceipt r = upload(s, 1, 456);
        expect(PreconditionFailedException.class, () -> s.complete(java.util.List.of(r), WritePrecondition.ifAbsent()));
        assertObject(k, new int[][] {{7, 123}});
    }

    @Hint("that create-only succeeds when the key is free.")
    @Test
    @Tag("MUST")
    @DisplayName("COND-02 create-only complete where no object exists succeeds")
    final void cond02() {
        requires(Feature.CONDITIONAL_CREATE);
        String k = key("cond02");
        ChunkedUploadSession s = start(k);
        s.complete(java.util.List.of(upload(s, 1, 99)), WritePrecondition.ifAbsent());
        assertObject(k, new int[][] {{1, 99}});
    }

    @Hint("that {@code If-Match} (or generation match) is sent and mapped.")
    @Test
    @Tag("MUST")
    @DisplayName("COND-03 compare-and-swap succeeds on the current ETag and fails on another")
    final void cond03() {
        requires(Feature.CONDITIONAL_MATCH);
        String k = existing("cond03", 50);
        String etag = backend.stat(bucket, k).orElseThrow().etag();
        String otherEtag = backend.stat(bucket, existing("cond03-other", 51)).orElseThrow().etag();
        ChunkedUploadSession wrong = start(k);
        PartReceipt w = upload(wrong, 1, 60);
        expect(PreconditionFailedException.class,
                () -> wrong.complete(java.util.List.of(w), WritePrecondition.ifMatch(otherEtag)));
        assertObject(k, new int[][] {{7, 50}});
        ChunkedUploadSession right = start(k);
        UploadResult r = right.complete(java.util.List.of(upload(right, 2, 70)), WritePrecondition.ifMatch(etag));
        assertObject(k, new int[][] {{2, 70}});
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, r.etag(), "a new object must have a new ETag");
    }
}
