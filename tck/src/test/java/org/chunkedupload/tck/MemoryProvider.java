package org.chunkedupload.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;

/**
 * An in-memory provider for testing the kit itself. Without a defect it is a correct reference;
 * each {@link Defect} breaks one promise so the kit can be shown to catch it.
 */
final class MemoryProvider implements StorageProvider {
    enum Defect { NONE, JOIN_IN_UPLOAD_ORDER, ABORT_DOES_NOTHING, ACCEPTS_STALE_RECEIPTS, TRUNCATES_PARTS,
        /** Declares that its store verifies CRC-32C, moves bodies it may send unread, and checks nothing. */
        MOVES_UNREAD_UNVERIFIED }

    /** What {@link Defect#TRUNCATES_PARTS} keeps of each part, while it reports the whole size. */
    static final int TRUNCATE_AT = 64 * 1024;

    private record Part(String token, byte[] bytes, long seq, long claimed) { }

    private record Upload(String key, Instant initiated, Map<Integer, Part> parts) { }

    private record Blob(byte[] bytes, String etag, long claimed) { }

    private final Defect defect;
    private final Capabilities caps;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, Blob> objects = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    MemoryProvider(Defect defect, Capabilities caps) {
        this.defect = defect;
        this.caps = caps;
    }

    @Override
    public String id() {
        return "mem";
    }

    @Override
    public String description() {
        return "in-memory test provider (" + defect + ")";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(new ConfigKey("secret-token", "a fake secret, to check handles do not carry it", null, true));
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new ProviderBackend() {
            @Override
            public Capabilities capabilities() {
                return caps;
            }

            @Override
            public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
                String id = UUID.randomUUID().toString();
                uploads.put(id, new Upload(bucket + "/" + key, Instant.now(), new ConcurrentHashMap<>()));
                return new MemUpload(UploadHandle.of("mem", bucket, key, id));
            }

            @Override
            public ProviderUpload resume(UploadHandle handle) {
                return new MemUpload(handle);
            }

            @Override
            public UploadResult put(String bucket, String key, PartContent content, UploadOptions options,
                                    WritePrecondition precondition) {
                ProviderUpload u = initiate(bucket, key, options); // the reference: a put is an upload of one part
                try {
                    return u.complete(List.of(u.uploadPart(content)), precondition);
                } finally {
                    u.abort();
                }
            }

            @Override
            public List<PendingUpload> listPending(String bucket, String keyPrefix) {
                List<PendingUpload> out = new ArrayList<>();
                uploads.forEach((id, u) -> {
                    if (u.key().startsWith(bucket + "/" + keyPrefix)) {
                        long bytes = u.parts().values().stream().mapToLong(Part::claimed).sum();
                        out.add(new PendingUpload(UploadHandle.of("mem", bucket, u.key().substring(bucket.length() + 1), id),
                                u.initiated(), OptionalLong.of(bytes)));
                    }
                });
                return out;
            }

            @Override
            public Optional<ObjectInfo> stat(String bucket, String key) {
                Blob b = objects.get(bucket + "/" + key);
                return b == null ? Optional.empty()
                        : Optional.of(new ObjectInfo(new ObjectTarget("mem", bucket, key), b.claimed(), b.etag(), null));
            }

            @Override
            public InputStream read(String bucket, String key) {
                Blob b = objects.get(bucket + "/" + key);
                if (b == null) {
                    throw new NoSuchObjectException("no object " + key);
                }
                return new ByteArrayInputStream(b.bytes());
            }

            @Override
            public boolean delete(String bucket, String key) {
                return objects.remove(bucket + "/" + key) != null;
            }

            @Override
            public void close() {
            }
        };
    }

    private final class MemUpload implements ProviderUpload {
        private final UploadHandle handle;

        MemUpload(UploadHandle handle) {
            this.handle = handle;
        }

        private Upload upload() {
            Upload u = uploads.get(handle.uploadId());
            if (u == null) {
                throw new NoSuchUploadException("no upload " + handle.uploadId());
            }
            return u;
        }

        @Override
        public UploadHandle handle() {
            return handle;
        }

        @Override
        public PartReceipt uploadPart(PartContent part) {
            Upload u = upload();
            byte[] bytes;
            try {
                if (defect == Defect.MOVES_UNREAD_UNVERIFIED && part.body() instanceof org.chunkedupload.api.ZeroCopySource z
                        && z.zeroCopy()) {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    java.nio.channels.WritableByteChannel ch = java.nio.channels.Channels.newChannel(out);
                    while (z.transferTo(ch, 1 << 20) >= 0) {
                        // moved as a sendfile would move it; the "store" never looks at the checksum
                    }
                    bytes = out.toByteArray();
                } else {
                    bytes = part.body().readNBytes((int) part.length());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String token = UUID.randomUUID().toString();
            long claimed = bytes.length;
            if (defect == Defect.TRUNCATES_PARTS && bytes.length > TRUNCATE_AT) {
                bytes = java.util.Arrays.copyOf(bytes, TRUNCATE_AT); // a buffer-boundary bug, reported as success
            }
            u.parts().put(part.partNumber(), new Part(token, bytes, seq.incrementAndGet(), claimed));
            return new PartReceipt(part.partNumber(), token, claimed, null);
        }

        @Override
        public List<PartReceipt> listParts() {
            List<PartReceipt> out = new ArrayList<>();
            upload().parts().forEach((n, p) -> out.add(new PartReceipt(n, p.token(), p.claimed(), null)));
            return out;
        }

        @Override
        public synchronized UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
            Upload u = upload();
            List<Map.Entry<Integer, Part>> chosen = new ArrayList<>();
            for (PartReceipt r : receipts) {
                Part p = u.parts().get(r.partNumber());
                if (p == null || (defect != Defect.ACCEPTS_STALE_RECEIPTS && !p.token().equals(r.token()))) {
                    throw new InvalidPartException("stale or unknown receipt for part " + r.partNumber());
                }
                chosen.add(Map.entry(r.partNumber(), p));
            }
            if (defect == Defect.JOIN_IN_UPLOAD_ORDER) {
                chosen.sort(Comparator.comparingLong(e -> e.getValue().seq()));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            chosen.forEach(e -> out.writeBytes(e.getValue().bytes()));
            Blob existing = objects.get(u.key());
            if (precondition.kind() == WritePrecondition.Kind.IF_ABSENT && existing != null
                    || precondition.kind() == WritePrecondition.Kind.IF_MATCH
                    && (existing == null || !existing.etag().equals(precondition.etag()))) {
                throw new PreconditionFailedException("precondition failed for " + u.key());
            }
            Blob b = new Blob(out.toByteArray(), UUID.randomUUID().toString(),
                    chosen.stream().mapToLong(e -> e.getValue().claimed()).sum());
            objects.put(u.key(), b);
            uploads.remove(handle.uploadId());
            return new UploadResult(new ObjectTarget("mem", handle.bucket(), handle.key()), b.claimed(), b.etag(),
                    null, null, chosen.size());
        }

        @Override
        public void abort() {
            if (defect != Defect.ABORT_DOES_NOTHING) {
                uploads.remove(handle.uploadId());
            }
        }
    }
}
