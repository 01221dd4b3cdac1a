package org.chunkedupload.examples.heap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderUpload;

/**
 * Step 3 of writing a provider: the {@link ProviderUpload}. Every failure is one of the API's
 * exceptions (the error mapping): an unknown or ended upload is {@link NoSuchUploadException}, a
 * stale receipt {@link InvalidPartException}, a failed condition {@link PreconditionFailedException},
 * a full store a retryable {@link TransientStorageException}.
 */
final class HeapUpload implements ProviderUpload {
    private final HeapStore store;
    private final UploadHandle handle;

    HeapUpload(HeapStore store, UploadHandle handle) {
        this.store = store;
        this.handle = handle;
    }

    private HeapStore.Upload upload(String op) {
        HeapStore.Upload u = store.uploads.get(handle.uploadId());
        if (u == null || !u.key().equals(handle.key()) || !u.bucket().equals(handle.bucket())) {
            throw new NoSuchUploadException(op + " " + handle.target() + ": upload " + handle.uploadId()
                    + " was completed, aborted or never existed");
        }
        return u;
    }

    @Override
    public UploadHandle handle() {
        return handle;
    }

    @Override
    public PartReceipt uploadPart(PartContent part) {
        HeapStore.Upload u = upload("upload part " + part.partNumber() + " of");
        if (store.used() + part.length() > store.maxBytes) {
            throw new TransientStorageException("heap store full (" + store.maxBytes + " bytes): complete or abort"
                    + " other uploads", null);
        }
        byte[] bytes;
        try {
            bytes = part.body().readNBytes((int) part.length()); // a failing body leaves the old part in place
        } catch (IOException e) {
            throw new ChunkedUploadException("reading part " + part.partNumber() + " failed: " + e.getMessage(), e);
        }
        HeapStore.Part p = new HeapStore.Part(store.nextToken(), bytes);
        synchronized (u.parts()) {
            if (store.uploads.get(handle.uploadId()) != u) {
                throw new NoSuchUploadException("upload part " + part.partNumber() + " of " + handle.target()
                        + ": the upload ended while the part was read");
            }
            u.parts().put(part.partNumber(), p);
        }
        return new PartReceipt(part.partNumber(), p.token(), bytes.length, null);
    }

    @Override
    public List<PartReceipt> listParts() {
        HeapStore.Upload u = upload("list parts of");
        List<PartReceipt> out = new ArrayList<>();
        synchronized (u.parts()) {
            u.parts().forEach((n, p) -> out.add(new PartReceipt(n, p.token(), p.bytes().length, null)));
        }
        return out;
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        HeapStore.Upload u = upload("complete");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        synchronized (u.parts()) {
            for (PartReceipt r : receipts) { // already sorted by part number: the API's guard did that
                HeapStore.Part p = u.parts().get(r.partNumber());
                if (p == null || !p.token().equals(r.token())) {
                    throw new InvalidPartException("complete " + handle.target() + ": the receipt of part "
                            + r.partNumber() + (p == null ? " names no uploaded part" : " is stale (uploaded again)"));
                }
                joined.writeBytes(p.bytes());
            }
        }
        String path = HeapStore.path(handle.bucket(), handle.key());
        HeapStore.StoredObject created = new HeapStore.StoredObject(joined.toByteArray(), store.nextToken(), Instant.now());
        synchronized (store) { // check and publish atomically
            if (store.uploads.remove(handle.uploadId()) == null) {
                throw new NoSuchUploadException("complete " + handle.target() + ": the upload ended meanwhile");
            }
            HeapStore.StoredObject existing = store.objects.get(path);
            boolean ok = switch (precondition.kind()) {
                case NONE -> true;
                case IF_ABSENT -> existing == null;
                case IF_MATCH -> existing != null && existing.etag().equals(precondition.etag());
            };
            if (!ok) {
                store.uploads.put(handle.uploadId(), u); // a failed condition leaves the upload open
                throw new PreconditionFailedException("complete " + handle.target() + ": precondition " + precondition
                        + " does not hold");
            }
            store.objects.put(path, created);
        }
        return new UploadResult(new ObjectTarget(HeapProvider.ID, handle.bucket(), handle.key()),
                created.bytes().length, created.etag(), null, null, receipts.size());
    }

    @Override
    public void abort() {
        store.uploads.remove(handle.uploadId()); // idempotent: removing twice is fine
    }

    @Override
    public String toString() {
        return "HeapUpload" + Map.of("target", handle.target().toString(), "id", handle.uploadId());
    }
}
