package org.chunkedupload.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.ComposeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.spi.UploadRecord;

/**
 * Joins parts with {@code compose}, which takes at most 32 sources per call: while more than 32
 * sources remain, each run of 32 is composed into an intermediate temporary (in parallel), and
 * the last call writes the target. 10,000 parts take 313 + 10 + 1 calls. Every source is pinned
 * by generation; intermediates are create-only (a retried call cannot pick up other bytes); the
 * caller's precondition goes on the final call only. Each result's CRC-32C is checked against the
 * CRC-32C its sources combine to, so a wrong join fails before anything is reported.
 */
final class GcsCompose {
    /** GCS's limit of sources per compose call. */
    static final int MAX_SOURCES = 32;

    /**
     * One compose source.
     *
     * @param name the object name
     * @param generation its generation
     * @param size its size
     * @param crc32c its CRC-32C
     */
    record Source(String name, long generation, long size, Checksum crc32c) {
    }

    private final GcsBackend backend;
    private final String bucket;
    private final String uploadId;
    private final String nonce = GcsNames.newNonce();

    GcsCompose(GcsBackend backend, String bucket, String uploadId) {
        this.backend = backend;
        this.bucket = bucket;
        this.uploadId = uploadId;
    }

    Blob compose(List<Source> parts, String key, UploadRecord uploadRecord, WritePrecondition precondition) {
        BlobTargetOption targetOption = checkPrecondition(key, precondition);
        List<Source> level = parts;
        List<Source> intermediates = new ArrayList<>();
        try {
            for (int depth = 0; level.size() > MAX_SOURCES; depth++) {
                List<List<Source>> groups = new ArrayList<>();
                for (int i = 0; i < level.size(); i += MAX_SOURCES) {
                    groups.add(level.subList(i, Math.min(level.size(), i + MAX_SOURCES)));
                }
                int d = depth;
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    indexes.add(i);
                }
                level = parallel(backend.pool, indexes, i -> {
                    List<Source> group = groups.get(i);
                    if (group.size() == 1) {
                        return group.get(0);
                    }
                    BlobInfo target = BlobInfo.newBuilder(BlobId.of(bucket,
                            backend.names.intermediate(uploadId, nonce, d, i))).setContentType("application/octet-stream")
                            .setMetadata(java.util.Map.of(GcsNames.META_KEY, key)).build();
                    Source s = checked(call(group, target, BlobTargetOption.doesNotExist()), group);
                    synchronized (intermediates) {
                        intermediates.add(s);
                    }
                    return s;
                });
            }
            BlobInfo.Builder target = BlobInfo.newBuilder(BlobId.of(bucket, key));
            if (uploadRecord.contentType() != null) {
                target.setContentType(uploadRecord.contentType());
            }
            if (!uploadRecord.metadata().isEmpty()) {
                target.setMetadata(uploadRecord.metadata());
            }
            Blob result = call(level, GcsObjectSettings.apply(target, uploadRecord.options()).build(),
                    GcsObjectSettings.targetOptions(targetOption));
            Checksum expected = combine(level);
            if (!expected.base64().equals(result.getCrc32c())) {
                // never leave a wrong object in place of the caller's data
                backend.storage.delete(result.getBlobId(), BlobSourceOption.generationMatch());
                throw new IntegrityException("compose of gs://" + bucket + "/" + key + " produced CRC-32C "
                        + result.getCrc32c() + " but the parts combine to " + expected.base64()
                        + "; the object was deleted again: complete once more, or abort");
            }
            return result;
        } catch (RuntimeException e) {
            for (Source s : intermediates) {
                try {
                    backend.storage.delete(BlobId.of(bucket, s.name(), s.generation()));
                } catch (RuntimeException ignored) {
                    // a later complete or abort deletes every temporary anyway
                }
            }
            throw e;
        }
    }

    /**
     * Fails before any compose call when the precondition already does not hold (a create-only
     * complete over an existing object would otherwise spend every intermediate compose first);
     * the final call carries the precondition too, which is what makes it atomic.
     */
    private BlobTargetOption checkPrecondition(String key, WritePrecondition precondition) {
        String where = "complete gs://" + bucket + "/" + key;
        switch (precondition.kind()) {
            case IF_ABSENT -> {
                Blob existing = backend.storage.get(BlobId.of(bucket, key));
                if (existing != null) {
                    throw new PreconditionFailedException(where + ": create-only, but an object exists there (generation "
                            + existing.getGeneration() + ")");
                }
                return BlobTargetOption.doesNotExist();
            }
            case IF_MATCH -> {
                long generation;
                try {
                    generation = Long.parseLong(precondition.etag());
                } catch (NumberFormatException e) {
                    throw new PreconditionFailedException(where + ": ETag '" + precondition.etag() + "' is not a GCS"
                            + " generation (provider gs reports generations as ETags)", e);
                }
                Blob existing = backend.storage.get(BlobId.of(bucket, key));
                if (existing == null || existing.getGeneration() != generation) {
                    throw new PreconditionFailedException(where + ": expected generation " + generation + " but "
                            + (existing == null ? "no object exists" : "generation " + existing.getGeneration() + " is there"));
                }
                return BlobTargetOption.generationMatch(generation);
            }
            default -> {
                return null;
            }
        }
    }

    private Blob call(List<Source> sources, BlobInfo target, BlobTargetOption... options) {
        if (sources.size() > MAX_SOURCES) {
            throw new IllegalStateException("compose with " + sources.size() + " sources (a bug: at most 32)");
        }
        ComposeRequest.Builder req = ComposeRequest.newBuilder().setTarget(target).setTargetOptions(options);
        for (Source s : sources) {
            req.addSource(s.name(), s.generation());
        }
        return backend.storage.compose(req.build());
    }

    private Source checked(Blob b, List<Source> group) {
        Checksum expected = combine(group);
        if (!expected.base64().equals(b.getCrc32c())) {
            throw new IntegrityException("intermediate compose " + b.getName() + " has CRC-32C " + b.getCrc32c()
                    + " but its sources combine to " + expected.base64());
        }
        return new Source(b.getName(), b.getGeneration(), b.getSize(), expected);
    }

    static Checksum combine(List<Source> sources) {
        long crc = 0;
        for (Source s : sources) {
            crc = Crc32c.combine(crc, Crc32c.toLong(s.crc32c()), s.size());
        }
        return Checksum.crc32c(crc);
    }

    /**
     * Runs {@code task} for every input on the pool and returns the results in input order; the
     * first failure cancels the rest and is rethrown.
     */
    static <T, R> List<R> parallel(ExecutorService pool, List<T> inputs, Function<T, R> task) {
        List<Future<R>> futures = new ArrayList<>(inputs.size());
        for (T in : inputs) {
            futures.add(pool.submit(() -> task.apply(in)));
        }
        List<R> out = new ArrayList<>(inputs.size());
        try {
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ChunkedUploadException("compose failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | CancellationException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ChunkedUploadException("interrupted while composing: the upload is still open; complete it again", e);
        }
    }
}
