package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PendingUpload;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules PEND-*: listing unfinished uploads (the hidden bill). Needs {@link Feature#LIST_PENDING}. */
public abstract class PendingRules extends AbortRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected PendingRules() {
    }

    private List<PendingUpload> pending(ChunkedUploadSession s) {
        return backend.listPending(bucket, prefix).stream()
                .filter(p -> p.uploadId().equals(s.handle().uploadId())).toList();
    }

    @Hint("pagination of your native listing, and the initiation time and byte count you report.")
    @Test
    @Tag("MUST")
    @DisplayName("PEND-01 an upload in progress is listed with key, id, initiation time and bytes held")
    final void pend01() {
        requires(Feature.LIST_PENDING);
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        String k = key("pend01");
        ChunkedUploadSession s = start(k);
        upload(s, 1, partSize());
        upload(s, 2, 100);
        List<PendingUpload> found = pending(s);
        assertEquals(1, found.size(), "the upload must be listed exactly once: " + backend.listPending(bucket, prefix));
        PendingUpload p = found.get(0);
        assertEquals(k, p.key());
        assertNotNull(p.initiated(), "initiation time");
        assertTrue(p.initiated().isAfter(before) && p.initiated().isBefore(Instant.now().plus(Duration.ofMinutes(5))),
                "initiation time " + p.initiated() + " is not about now");
        if (p.bytesHeld().isPresent()) {
            assertTrue(p.bytesHeld().getAsLong() >= partSize() + 100L, "bytes held " + p.bytesHeld());
        }
    }

    @Hint("that complete and abort remove the upload's listing entry (upload record, marker).")
    @Test
    @Tag("MUST")
    @DisplayName("PEND-02 after complete and after abort the upload is no longer listed")
    final void pend02() {
        requires(Feature.LIST_PENDING);
        ChunkedUploadSession done = start(key("pend02a"));
        ChunkedUploadSession dropped = start(key("pend02b"));
        upload(dropped, 1, 10);
        complete(done, upload(done, 1, 10));
        dropped.abort();
        assertFalse(backend.listPending(bucket, prefix).stream().anyMatch(p ->
                p.uploadId().equals(done.handle().uploadId()) || p.uploadId().equals(dropped.handle().uploadId())),
                "finished uploads still pending: " + backend.listPending(bucket, prefix));
    }

    @Hint("that you pass the prefix to the store's listing and filter on the key.")
    @Test
    @Tag("MUST")
    @DisplayName("PEND-03 the key prefix filters the listing")
    final void pend03() {
        requires(Feature.LIST_PENDING);
        ChunkedUploadSession in = start(key("pend03/in/x"));
        ChunkedUploadSession out = start(key("pend03/out/x"));
        List<PendingUpload> found = backend.listPending(bucket, prefix + "pend03/in/");
        assertTrue(found.stream().anyMatch(p -> p.uploadId().equals(in.handle().uploadId())), "upload under the prefix");
        assertFalse(found.stream().anyMatch(p -> p.uploadId().equals(out.handle().uploadId())), "upload outside the prefix");
    }
}
