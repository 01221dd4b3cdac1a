package org.chunkedupload.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options fixed when an upload starts: the properties of the object to be created — content type
 * and user metadata on every provider; content encoding, cache control, storage class and tags where
 * the provider declares them ({@link Capabilities#objectSettings()}); and provider options (e.g. S3
 * server-side encryption), named in each provider's documentation. Immutable; build with
 * {@link #builder()}.
 */
public final class UploadOptions {
    private static final UploadOptions DEFAULTS = builder().build();

    private final String contentType;
    private final Map<String, String> metadata;
    private final long partSizeHint;
    private final String contentEncoding;
    private final String cacheControl;
    private final String storageClass;
    private final Map<String, String> tags;
    private final Map<String, String> providerOptions;

    private UploadOptions(Builder b) {
        this.contentType = b.contentType;
        this.partSizeHint = b.partSizeHint;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.contentEncoding = b.contentEncoding;
        this.cacheControl = b.cacheControl;
        this.storageClass = b.storageClass;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.providerOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.providerOptions));
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
        Builder b = new Builder().contentType(contentType).partSizeHint(partSizeHint).contentEncoding(contentEncoding)
                .cacheControl(cacheControl).storageClass(storageClass);
        metadata.forEach(b::putMetadata);
        tags.forEach(b::putTag);
        providerOptions.forEach(b::putProviderOption);
        return b;
    }

    /** @return the content type, or {@code null} for the store's default */
    public @Nullable String contentType() {
        return contentType;
    }

    /** @return user metadata, unmodifiable, in insertion order */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the {@code Content-Encoding}, or {@code null} */
    public @Nullable String contentEncoding() {
        return contentEncoding;
    }

    /** @return the {@code Cache-Control}, or {@code null} */
    public @Nullable String cacheControl() {
        return cacheControl;
    }

    /** @return the storage class or access tier in the store's own words, or {@code null} for the store's default */
    public @Nullable String storageClass() {
        return storageClass;
    }

    /** @return object tags, unmodifiable, in insertion order */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return provider options (e.g. {@code sse=aws:kms} for S3), unmodifiable; each provider documents its names */
    public Map<String, String> providerOptions() {
        return providerOptions;
    }

    /** @return the object settings these options ask for, which the provider must declare */
    public java.util.Set<ObjectSetting> requestedSettings() {
        java.util.Set<ObjectSetting> s = java.util.EnumSet.noneOf(ObjectSetting.class);
        if (contentEncoding != null) {
            s.add(ObjectSetting.CONTENT_ENCODING);
        }
        if (cacheControl != null) {
            s.add(ObjectSetting.CACHE_CONTROL);
        }
        if (storageClass != null) {
            s.add(ObjectSetting.STORAGE_CLASS);
        }
        if (!tags.isEmpty()) {
            s.add(ObjectSetting.TAGS);
        }
        return s;
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
                && partSizeHint == u.partSizeHint && Objects.equals(contentEncoding, u.contentEncoding)
                && Objects.equals(cacheControl, u.cacheControl) && Objects.equals(storageClass, u.storageClass)
                && tags.equals(u.tags) && providerOptions.equals(u.providerOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, metadata, partSizeHint, contentEncoding, cacheControl, storageClass, tags,
                providerOptions);
    }

    @Override
    public String toString() {
        return "UploadOptions[contentType=" + contentType + ", metadata=" + metadata + ", partSizeHint=" + partSizeHint
                + (contentEncoding == null ? "" : ", contentEncoding=" + contentEncoding)
                + (cacheControl == null ? "" : ", cacheControl=" + cacheControl)
                + (storageClass == null ? "" : ", storageClass=" + storageClass)
                + (tags.isEmpty() ? "" : ", tags=" + tags)
                + (providerOptions.isEmpty() ? "" : ", providerOptions=" + providerOptions.keySet()) + "]";
    }

    /** Mutable builder of {@link UploadOptions}; not thread-safe. */
    public static final class Builder {
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private long partSizeHint;
        private String contentEncoding;
        private String cacheControl;
        private String storageClass;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, String> providerOptions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param value the {@code Content-Encoding} (e.g. {@code gzip}), or {@code null}
         * @return this builder
         */
        public Builder contentEncoding(@Nullable String value) {
            this.contentEncoding = value;
            return this;
        }

        /**
         * @param value the {@code Cache-Control} (e.g. {@code max-age=3600}), or {@code null}
         * @return this builder
         */
        public Builder cacheControl(@Nullable String value) {
            this.cacheControl = value;
            return this;
        }

        /**
         * @param value the storage class or access tier in the store's own words, or {@code null}
         * @return this builder
         */
        public Builder storageClass(@Nullable String value) {
            this.storageClass = value;
            return this;
        }

        /**
         * @param key tag key
         * @param value tag value
         * @return this builder
         */
        public Builder putTag(String key, String value) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a tag needs a key");
            }
            tags.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param name a provider option's name (e.g. {@code sse}, {@code sse-kms-key-id} for S3)
         * @param value its value
         * @return this builder
         */
        public Builder putProviderOption(String name, String value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a provider option needs a name");
            }
            providerOptions.put(name, Objects.requireNonNull(value, "value"));
            return this;
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
        public Builder contentType(@Nullable String value) {
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
