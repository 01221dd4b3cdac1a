package org.chunkedupload.tck;

import java.util.ArrayList;
import java.util.List;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadConflictException;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules CONC-* and RES-*: several sessions per key, and sessions that outlive their process. */
public abstract class SessionRules extends PendingRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected SessionRules() {
    }

    @Hint("that parts are keyed by upload id, not only by key and part number.")
    @Test
    @Tag("MUST")
    @DisplayName("CONC-01 two uploads to one key stay isolated; the last complete wins")
    final void conc01() {
        requires(Feature.ISOLATED_UPLOADS);
        String k = key("conc01");
        ChunkedUploadSession a = start(k);
        ChunkedUploadSession b = start(k);
        PartReceipt a1 = a.uploadPart(1, Payloads.part(11, partSize()));
        PartReceipt b1 = upload(b, 1, partSize());
        PartReceipt a2 = a.uploadPart(2, Payloads.part(12, 10));
        PartReceipt b2 = upload(b, 2, 20);
        complete(a, a1, a2);
        complete(b, b1, b2);
        assertObject(k, new int[][] {{1, partSize()}, {2, 20}});
    }

    @Hint("that complete validates every receipt against the store's pending parts before it commits, and maps parts that another upload's commit discarded to UploadConflictException (Azure: the first Put Block List drops every other uncommitted block).")
    @Test
    @Tag("MUST")
    @DisplayName("CONC-02 without isolated uploads: the other complete succeeds whole or fails with UploadConflictException, never a mix, and can redo its parts")
    final void conc02() {
        requiresAbsent(Feature.ISOLATED_UPLOADS);
        String k = key("conc02");
        ChunkedUploadSession a = start(k);
        ChunkedUploadSession b = start(k);
        PartReceipt a1 = a.uploadPart(1, Payloads.part(11, partSize()));
        PartReceipt b1 = upload(b, 1, partSize());
        PartReceipt a2 = a.uploadPart(2, Payloads.part(12, 10));
        PartReceipt b2 = upload(b, 2, 20);
        complete(a, a1, a2);
        int[][] first = {{11, partSize()}, {12, 10}};
        assertObject(k, first);
        try {
            complete(b, b1, b2);
            assertObject(k, new int[][] {{1, partSize()}, {2, 20}}); // a store that isolates anyway: b wins whole
            return;
        } catch (UploadConflictException expected) {
            assertObject(k, first); // a failed complete leaves the object untouched
        }
        PartReceipt c1 = upload(b, 1, partSize());
        PartReceipt c2 = upload(b, 2, 20);
        complete(b, c1, c2);
        assertObject(k, new int[][] {{1, partSize()}, {2, 20}});
    }

    @Hint("that the handle's state carries everything a new process needs and that resume builds the session from it without in-memory state of the first backend.")
    @Test
    @Tag("MUST")
    @DisplayName("RES-01 a serialized handle resumes in a fresh backend, adds parts and completes")
    final void res01() {
        String k = key("res01");
        ChunkedUploadSession s = start(k);
        List<PartReceipt> receipts = new ArrayList<>();
        receipts.add(upload(s, 1, partSize()));
        receipts.add(upload(s, 2, partSize()));
        String saved = s.handle().serialize();
        StorageBackend other = freshBackend();
        ChunkedUploadSession resumed = track(other.resume(UploadHandle.parse(saved)));
        receipts.add(upload(resumed, 3, partSize()));
        receipts.add(upload(resumed, 4, 5));
        resumed.complete(receipts);
        assertObject(k, new int[][] {{1, partSize()}, {2, partSize()}, {3, partSize()}, {4, 5}});
    }

    @Hint("that listPending returns handles usable for resume, and listParts returns valid receipts.")
    @Test
    @Tag("MUST")
    @DisplayName("RES-02 a process that lost everything finds the upload, its receipts, and completes")
    final void res02() {
        requires(Feature.LIST_PENDING);
        requires(Feature.LIST_PARTS);
        String k = key("res02");
        ChunkedUploadSession s = start(k);
        upload(s, 2, 30);
        upload(s, 1, partSize());
        StorageBackend other = freshBackend();
        PendingUpload found = other.listPending(bucket, k).stream()
                .filter(p -> p.uploadId().equals(s.handle().uploadId())).findFirst()
                .orElseThrow(() -> new AssertionError("the upload is not listed as pending"));
        ChunkedUploadSession recovered = track(other.resume(found.handle()));
        recovered.complete(recovered.listParts());
        assertObject(k, new int[][] {{1, partSize()}, {2, 30}});
    }
}
