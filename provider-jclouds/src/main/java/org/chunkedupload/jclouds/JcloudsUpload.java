package org.chunkedupload.jclouds;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderUpload;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;
import org.jspecify.annotations.Nullable;

/**
 * One upload through jclouds' multipart calls, with the bridge's fences: complete checks every
 * receipt against the store's part list (jclouds' local stores accept made-up ETags), local stores
 * are asked whether the upload still lives before and after each call (jclouds stores parts after
 * abort and fails with a NullPointerException on complete after abort), and the parts complete did
 * not name are removed there (jclouds leaves them behind where no listing finds them).
 */
final class JcloudsUpload implements ProviderUpload {
    private static final String CONTENT_TYPE = "content-type";
    private static final String META = "meta.";

    private final JcloudsBackend backend;
    private final BlobStore store;
    private final MultipartUpload mpu;
    private final UploadHandle handle;

    JcloudsUpload(JcloudsBackend backend, MultipartUpload mpu, UploadHandle handle) {
        this.backend = backend;
        this.store = backend.store;
        this.mpu = mpu;
        this.handle = handle;
    }

    /** @return the non-secret state a handle keeps: content type and metadata, which local stores do not */
    static Map<String, String> state(UploadOptions options) {
        Map<String, String> s = new TreeMap<>();
        if (options.contentType() != null) {
            s.put(CONTENT_TYPE, options.contentType());
        }
        options.metadata().forEach((k, v) -> s.put(META + k, v));
        return s;
    }

    /** @return the blob metadata jclouds takes at initiate (and local stores again at complete) */
    static BlobMetadata metadata(BlobStore store, String key, Map<String, String> state) {
        Map<String, String> user = new HashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(META)) {
                user.put(k.substring(META.length()), v);
            }
        });
        org.jclouds.blobstore.domain.BlobBuilder.PayloadBlobBuilder b = store.blobBuilder(key).userMetadata(user)
                .payload(new byte[0]);
        String type = state.get(CONTENT_TYPE);
        if (type != null) {
            b.contentType(type);
        }
        return b.build().getMetadata();
    }

    /**
     * @return an ETag without the quotes some stores add, also when they reach jclouds still escaped
     *     (versitygw's complete answer carries {@code &#34;}, which jclouds' parser leaves as it is)
     */
    static String etag(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String etag = raw.replace("&#34;", "\"").replace("&quot;", "\"");
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    @Override
    public UploadHandle handle() {
        return handle;
    }

    @Override
    public PartReceipt uploadPart(PartContent part) {
        String what = handle.describe("upload part " + part.partNumber() + " of");
        requireLive(what);
        MultipartPart stored;
        try {
            stored = store.uploadMultipartPart(mpu, part.partNumber(), payload(part));
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.UPLOAD_PART, what, e);
        }
        if (backend.kind == StoreKind.LOCAL && LocalUploads.started(store, mpu).isEmpty()) {
            // aborted or completed while the part was being written: remove what jclouds just stored
            store.removeBlob(mpu.containerName(), LocalUploads.part(mpu, part.partNumber()));
            throw LocalUploads.gone(mpu, what);
        }
        String token = etag(stored.partETag());
        return new PartReceipt(part.partNumber(), token.isEmpty() ? "part-" + part.partNumber() : token, part.length(), null);
    }

    /** @return the part as a jclouds payload of its exact length, repeatable when the part can be reopened */
    static Payload payload(PartContent part) {
        Payload p;
        if (part.repeatable()) { // jclouds may then resend it itself after a lost connection
            InputStream first = part.body();
            boolean[] used = {false};
            p = Payloads.newByteSourcePayload(new com.google.common.io.ByteSource() {
                @Override
                public InputStream openStream() {
                    synchronized (used) {
                        if (!used[0]) {
                            used[0] = true;
                            return first;
                        }
                    }
                    return part.reopen();
                }
            });
        } else {
            p = Payloads.newInputStreamPayload(part.body());
        }
        p.getContentMetadata().setContentLength(part.length());
        return p;
    }

    @Override
    public List<PartReceipt> listParts() {
        String what = handle.describe("list the parts of");
        requireLive(what);
        List<PartReceipt> out = new ArrayList<>();
        for (MultipartPart p : listed(what)) {
            out.add(new PartReceipt(p.partNumber(), etag(p.partETag()), p.partSize(), null));
        }
        out.sort(Comparator.comparingInt(PartReceipt::partNumber));
        return out;
    }

    private List<MultipartPart> listed(String what) {
        try {
            return store.listMultipartUpload(mpu);
        } catch (RuntimeException e) {
            throw JcloudsErrors.map(Operation.LIST_PARTS, what, e);
        }
    }

    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        String what = handle.describe("complete");
        requireLive(what);
        List<MultipartPart> listed = backend.kind.listsParts() ? listed(what) : List.of();
        if (backend.kind.listsParts()) {
            ReceiptFence.check(receipts, listed, what);
        }
        List<MultipartPart> parts = new ArrayList<>(receipts.size());
        for (PartReceipt r : receipts) {
            parts.add(MultipartPart.create(r.partNumber(), r.size(), r.token(), null));
        }
        long total = receipts.stream().mapToLong(PartReceipt::size).sum();
        String etag;
        try {
            etag = etag(store.completeMultipartUpload(mpu, parts));
        } catch (RuntimeException e) {
            if (backend.kind == StoreKind.LOCAL && LocalUploads.started(store, mpu).isEmpty()) {
                throw LocalUploads.gone(mpu, what); // aborted meanwhile: jclouds fails on the missing parts
            }
            RuntimeException mapped = JcloudsErrors.map(Operation.COMPLETE, what, e);
            if (mapped instanceof NoSuchUploadException && backend.kind == StoreKind.S3) {
                // a lost answer retried by jclouds: the first attempt may have published the object
                String expected = ReceiptFence.s3Etag(receipts);
                ObjectInfo now = backend.stat(handle.bucket(), handle.key()).orElse(null);
                if (now != null && now.etag().equals(expected) && now.size() == total) {
                    return result(now, receipts.size());
                }
            }
            throw mapped;
        }
        if (backend.kind == StoreKind.LOCAL) {
            ReceiptFence.unnamed(receipts, listed).forEach(n -> store.removeBlob(mpu.containerName(),
                    LocalUploads.part(mpu, n)));
        }
        ObjectInfo now = backend.stat(handle.bucket(), handle.key()).orElse(null);
        if (now != null && (now.etag().equals(etag) || backend.kind == StoreKind.LOCAL)) {
            return result(now, receipts.size()); // the local filesystem store reports its own ETag for the object
        }
        return new UploadResult(handle.target(), total, etag, null, null, receipts.size());
    }

    private static UploadResult result(ObjectInfo info, int parts) {
        return new UploadResult(info.target(), info.size(), info.etag(), null, null, parts);
    }

    @Override
    public void abort() {
        String what = handle.describe("abort");
        try {
            store.abortMultipartUpload(mpu);
        } catch (RuntimeException e) {
            RuntimeException mapped = JcloudsErrors.map(Operation.ABORT, what, e);
            if (!(mapped instanceof NoSuchUploadException)) {
                throw mapped;
            }
        }
    }

    private void requireLive(String what) {
        if (backend.kind == StoreKind.LOCAL) {
            LocalUploads.requireLive(store, mpu, what);
        }
    }
}
