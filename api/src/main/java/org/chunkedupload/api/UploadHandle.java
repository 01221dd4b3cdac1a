package org.chunkedupload.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Opaque, serializable identity of one upload. Another thread, process or host can turn the
 * string from {@link #serialize()} back into a handle with {@link #parse(String)} and then
 * {@link StorageBackend#resume(UploadHandle) resume} the upload: upload more parts, complete or
 * abort.
 *
 * <p>A handle holds the provider id, bucket, key, the provider's upload id and a small map of
 * provider state (for example a block-id nonce). It never holds credentials: a provider must not
 * put secrets into {@link #state()}.
 *
 * @param providerId the provider id (also the target scheme)
 * @param bucket the bucket
 * @param key the object key
 * @param uploadId the provider's id for this upload
 * @param state provider-specific, non-secret state; unmodifiable and sorted by key
 */
public record UploadHandle(String providerId, String bucket, String key, String uploadId,
                           Map<String, String> state) implements Serializable {
    private static final String PREFIX = "cuh1.";

    /** Validates the fields and freezes the state map. */
    public UploadHandle {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        if (uploadId.isEmpty()) {
            throw new IllegalArgumentException("uploadId must not be empty");
        }
        state = Collections.unmodifiableMap(new TreeMap<>(state == null ? Map.of() : state));
    }

    /**
     * @param providerId the provider id
     * @param bucket the bucket
     * @param key the key
     * @param uploadId the upload id
     * @return a handle without provider state (the provider looks it up when resuming)
     */
    public static UploadHandle of(String providerId, String bucket, String key, String uploadId) {
        return new UploadHandle(providerId, bucket, key, uploadId, Map.of());
    }

    /** @return the target of this upload */
    public ObjectTarget target() {
        return new ObjectTarget(providerId, bucket, key);
    }

    /** @return a compact, URL-safe string that {@link #parse(String)} turns back into an equal handle */
    public String serialize() {
        List<String> f = new ArrayList<>(List.of(providerId, bucket, key, uploadId));
        state.forEach((k, v) -> {
            f.add(k);
            f.add(v);
        });
        return CompactCodec.encode(PREFIX, f);
    }

    /**
     * @param serialized a string produced by {@link #serialize()}
     * @return the handle
     * @throws IllegalArgumentException when the string is not a serialized handle
     */
    public static UploadHandle parse(String serialized) {
        List<String> f = CompactCodec.decode(PREFIX, serialized, "upload handle");
        if (f.size() < 4 || f.size() % 2 != 0) {
            throw new IllegalArgumentException("corrupt serialized upload handle: wrong number of fields");
        }
        Map<String, String> st = new TreeMap<>();
        for (int i = 4; i < f.size(); i += 2) {
            st.put(f.get(i), f.get(i + 1));
        }
        return new UploadHandle(f.get(0), f.get(1), f.get(2), f.get(3), st);
    }

    /**
     * @param operation what was done, e.g. {@code "complete"} or {@code "upload part 3 of"}
     * @return {@code "<operation> <target> (upload <id>)"}: how every message about this upload starts
     */
    public String describe(String operation) {
        return operation + " " + target() + " (upload " + uploadId + ")";
    }

    @Override
    public String toString() {
        return "UploadHandle[" + target() + " uploadId=" + uploadId + "]";
    }
}
