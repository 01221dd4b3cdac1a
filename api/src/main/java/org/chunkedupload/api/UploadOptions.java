package org.chunkedupload.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options fixed when an upload starts: content type and user metadata of the object to be
 * created. Immutable; build with {@link #builder()}.
 */
public final class UploadOptions {
    private static final UploadOptions DEFAULTS = builder().build();

    private final String contentType;
    private final Map<String, String> metadata;
    private final long partSizeHint;

    private UploadOptions(Builder b) {
        this.contentType = b.contentType;
        this.partSizeHint = b.partSizeHint;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** @return options with no content type and no metadata */
    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised from these options */
    public Builder toBuilder() {
        Builder b = new Builder().contentType(contentType).partSizeHint(partSizeHint);
        metadata.forEach(b::putMetadata);
        return b;
    }

    /** @return the content type, or {@code null} for the store's default */
    public String contentType() {
        return contentType;
    }

    /** @return user metadata, unmodifiable, in insertion order */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * @return the size the caller promises for every part but the last, or 0 when it makes no promise.
     *     Providers may use it to place parts (the filesystem provider writes them straight into the
     *     object file); correctness never depends on it, and parts of other sizes are still accepted.
     */
    public long partSizeHint() {
        return partSizeHint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadOptions u && Objects.equals(contentType, u.contentType) && metadata.equals(u.metadata)
                && partSizeHint == u.partSizeHint;
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, metadata, partSizeHint);
    }

    @Override
    public String toString() {
        return "UploadOptions[contentType=" + contentType + ", metadata=" + metadata + ", partSizeHint=" + partSizeHint + "]";
    }

    /** Mutable builder of {@link UploadOptions}; not thread-safe. */
    public static final class Builder {
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private long partSizeHint;

        private Builder() {
        }

        /**
         * @param bytes the size of every part but the last, when the caller knows it; 0 for no hint
         * @return this builder
         */
        public Builder partSizeHint(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("partSizeHint must be >= 0");
            }
            this.partSizeHint = bytes;
            return this;
        }

        /**
         * @param value the MIME type, or {@code null}
         * @return this builder
         */
        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        /**
         * @param name metadata name (letters, digits, '-' and '_')
         * @param value metadata value
         * @return this builder
         */
        public Builder putMetadata(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("metadata name '" + name
                        + "' is not portable: use letters, digits, '-' and '_' only");
            }
            metadata.put(name, value);
            return this;
        }

        /** @return the immutable options */
        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
