package org.chunkedupload.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider can do, declared as typed data. The API enforces the limits before a request is
 * sent, and the TCK both checks the declaration for consistency and skips optional rules for
 * features that are not declared. Immutable; build with {@link #builder()}.
 */
public final class Capabilities {

    /** Optional features. A provider that declares one must pass the TCK rules that need it. */
    public enum Feature {
        /** {@link ChunkedUploadSession#listParts()} reports the parts the store holds. */
        LIST_PARTS,
        /** {@link StorageBackend#listPending(String, String)} lists unfinished uploads. */
        LIST_PENDING,
        /** Complete can be create-only ({@link WritePrecondition#ifAbsent()}). */
        CONDITIONAL_CREATE,
        /** Complete can be compare-and-swap ({@link WritePrecondition#ifMatch(String)}). */
        CONDITIONAL_MATCH,
        /** The store verifies a per-part checksum sent with the part. */
        PART_CHECKSUM,
        /**
         * Two uploads to the same key do not disturb each other: each completes with its own parts
         * and the last complete wins. Azure block blobs, for example, cannot promise this.
         */
        ISOLATED_UPLOADS,
        /**
         * {@link StorageBackend#put} stores an object of at most {@code maxPartSize} bytes in one request
         * (S3's PutObject), with the same checks as a part: one request where an upload of one part
         * takes three.
         */
        SINGLE_REQUEST_PUT
    }

    private final long minPartSize;
    private final long maxPartSize;
    private final int maxPartCount;
    private final int minPartNumber;
    private final int maxPartNumber;
    private final long maxObjectSize;
    private final Set<ChecksumAlgorithm> checksumAlgorithms;
    private final Set<Feature> features;
    private final Set<ObjectSetting> objectSettings;
    private final Set<String> providerOptions;
    private final AbortGuarantee abortGuarantee;
    private final boolean equalPartSizes;
    private final long preferredPartSize;

    private Capabilities(Builder b) {
        this.equalPartSizes = b.equalPartSizes;
        this.preferredPartSize = b.preferredPartSize;
        this.minPartSize = b.minPartSize;
        this.maxPartSize = b.maxPartSize;
        this.maxPartCount = b.maxPartCount;
        this.minPartNumber = b.minPartNumber;
        this.maxPartNumber = b.maxPartNumber;
        this.maxObjectSize = b.maxObjectSize;
        this.checksumAlgorithms = Collections.unmodifiableSet(b.checksumAlgorithms.isEmpty()
                ? EnumSet.noneOf(ChecksumAlgorithm.class) : EnumSet.copyOf(b.checksumAlgorithms));
        this.features = Collections.unmodifiableSet(b.features.isEmpty()
                ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(b.features));
        this.objectSettings = Collections.unmodifiableSet(b.objectSettings.isEmpty()
                ? EnumSet.noneOf(ObjectSetting.class) : EnumSet.copyOf(b.objectSettings));
        this.providerOptions = Set.copyOf(b.providerOptions);
        this.abortGuarantee = Objects.requireNonNull(b.abortGuarantee, "abortGuarantee");
        if (minPartSize < 0 || maxPartSize < Math.max(1, minPartSize)) {
            throw new IllegalArgumentException("part sizes must satisfy 0 <= minPartSize <= maxPartSize, got "
                    + minPartSize + ".." + maxPartSize);
        }
        if (minPartNumber < 0 || maxPartNumber < minPartNumber) {
            throw new IllegalArgumentException("part numbers must satisfy 0 <= min <= max, got "
                    + minPartNumber + ".." + maxPartNumber);
        }
        if (maxPartCount < 1 || (long) maxPartCount > (long) maxPartNumber - minPartNumber + 1) {
            throw new IllegalArgumentException("maxPartCount " + maxPartCount
                    + " must be between 1 and the size of the part-number range");
        }
        if (maxObjectSize < maxPartSize && maxObjectSize < minPartSize) {
            throw new IllegalArgumentException("maxObjectSize is smaller than a single part");
        }
        if (preferredPartSize < 0) {
            throw new IllegalArgumentException("preferredPartSize must be >= 0 (0: none), got " + preferredPartSize);
        }
    }

    /** @return a new builder with permissive defaults (no minimum, parts 1..10000) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised from these capabilities */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minPartSize = minPartSize;
        b.maxPartSize = maxPartSize;
        b.maxPartCount = maxPartCount;
        b.minPartNumber = minPartNumber;
        b.maxPartNumber = maxPartNumber;
        b.maxObjectSize = maxObjectSize;
        b.checksumAlgorithms.addAll(checksumAlgorithms);
        b.features.addAll(features);
        b.objectSettings.addAll(objectSettings);
        b.providerOptions.addAll(providerOptions);
        b.abortGuarantee = abortGuarantee;
        b.equalPartSizes = equalPartSizes;
        b.preferredPartSize = preferredPartSize;
        return b;
    }

    /** @return the minimum size of every part but the last, in bytes (0 when there is none) */
    public long minPartSize() {
        return minPartSize;
    }

    /** @return the maximum size of one part, in bytes */
    public long maxPartSize() {
        return maxPartSize;
    }

    /** @return the maximum number of parts of one upload */
    public int maxPartCount() {
        return maxPartCount;
    }

    /** @return the smallest accepted part number */
    public int minPartNumber() {
        return minPartNumber;
    }

    /** @return the largest accepted part number */
    public int maxPartNumber() {
        return maxPartNumber;
    }

    /** @return the maximum size of a completed object, in bytes */
    public long maxObjectSize() {
        return maxObjectSize;
    }

    /** @return the algorithms the store verifies per part, unmodifiable */
    public Set<ChecksumAlgorithm> checksumAlgorithms() {
        return checksumAlgorithms;
    }

    /** @return the declared optional features, unmodifiable */
    public Set<Feature> features() {
        return features;
    }

    /**
     * @param feature a feature
     * @return whether it is declared
     */
    public boolean supports(Feature feature) {
        return features.contains(feature);
    }

    /**
     * @return whether every part but the last must have the same size (as on Cloudflare R2); the
     *     API then rejects a receipt list with unequal non-last parts
     */
    public boolean requiresEqualPartSizes() {
        return equalPartSizes;
    }

    /**
     * @return the part size the store works best with, measured, for files cut automatically (when
     *     no part size is requested), kept within the part-size range when limits are narrowed; 0 when
     *     the provider has none and the engine's default applies. Streams keep their own default: they
     *     buffer whole parts.
     */
    public long preferredPartSize() {
        return preferredPartSize;
    }

    /** @return the object settings the provider applies at initiate, beyond content type and metadata */
    public Set<ObjectSetting> objectSettings() {
        return objectSettings;
    }

    /** @return the names of the provider options ({@link UploadOptions#providerOptions()}) the provider takes */
    public Set<String> providerOptions() {
        return providerOptions;
    }

    /** @return what abort guarantees */
    public AbortGuarantee abortGuarantee() {
        return abortGuarantee;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities c && minPartSize == c.minPartSize && maxPartSize == c.maxPartSize
                && maxPartCount == c.maxPartCount && minPartNumber == c.minPartNumber
                && maxPartNumber == c.maxPartNumber && maxObjectSize == c.maxObjectSize
                && checksumAlgorithms.equals(c.checksumAlgorithms) && features.equals(c.features)
                && objectSettings.equals(c.objectSettings) && providerOptions.equals(c.providerOptions)
                && abortGuarantee.equals(c.abortGuarantee) && equalPartSizes == c.equalPartSizes
                && preferredPartSize == c.preferredPartSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minPartSize, maxPartSize, maxPartCount, minPartNumber, maxPartNumber, maxObjectSize,
                checksumAlgorithms, features, objectSettings, providerOptions, abortGuarantee, equalPartSizes,
                preferredPartSize);
    }

    @Override
    public String toString() {
        return "Capabilities[partSize=" + minPartSize + ".." + maxPartSize + ", partNumbers=" + minPartNumber + ".."
                + maxPartNumber + ", maxPartCount=" + maxPartCount + ", maxObjectSize=" + maxObjectSize
                + ", checksums=" + checksumAlgorithms + ", features=" + features
                + (objectSettings.isEmpty() ? "" : ", objectSettings=" + objectSettings)
                + (providerOptions.isEmpty() ? "" : ", providerOptions=" + new java.util.TreeSet<>(providerOptions))
                + ", abort=" + abortGuarantee
                + (equalPartSizes ? ", equalPartSizes" : "")
                + (preferredPartSize == 0 ? "" : ", preferredPartSize=" + preferredPartSize) + "]";
    }

    /** Mutable builder of {@link Capabilities}; not thread-safe. */
    public static final class Builder {
        private long minPartSize;
        private long maxPartSize = Long.MAX_VALUE;
        private int maxPartCount = 10_000;
        private int minPartNumber = 1;
        private int maxPartNumber = 10_000;
        private long maxObjectSize = Long.MAX_VALUE;
        private final Set<ChecksumAlgorithm> checksumAlgorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final Set<ObjectSetting> objectSettings = EnumSet.noneOf(ObjectSetting.class);
        private final Set<String> providerOptions = new java.util.TreeSet<>();
        private AbortGuarantee abortGuarantee = AbortGuarantee.immediate();
        private boolean equalPartSizes;
        private long preferredPartSize;

        private Builder() {
        }

        /**
         * @param value the part size the store works best with for automatically cut files, or 0 for none
         * @return this builder
         */
        public Builder preferredPartSize(long value) {
            this.preferredPartSize = value;
            return this;
        }

        /**
         * @param value whether every part but the last must have the same size
         * @return this builder
         */
        public Builder requireEqualPartSizes(boolean value) {
            this.equalPartSizes = value;
            return this;
        }

        /**
         * @param min minimum size of every part but the last
         * @param max maximum size of one part
         * @return this builder
         */
        public Builder partSize(long min, long max) {
            this.minPartSize = min;
            this.maxPartSize = max;
            return this;
        }

        /**
         * @param min smallest part number
         * @param max largest part number
         * @return this builder
         */
        public Builder partNumbers(int min, int max) {
            this.minPartNumber = min;
            this.maxPartNumber = max;
            return this;
        }

        /**
         * @param value maximum number of parts
         * @return this builder
         */
        public Builder maxPartCount(int value) {
            this.maxPartCount = value;
            return this;
        }

        /**
         * @param value maximum object size in bytes
         * @return this builder
         */
        public Builder maxObjectSize(long value) {
            this.maxObjectSize = value;
            return this;
        }

        /**
         * @param algorithm a checksum algorithm the store verifies per part
         * @return this builder
         */
        public Builder addChecksumAlgorithm(ChecksumAlgorithm algorithm) {
            checksumAlgorithms.add(Objects.requireNonNull(algorithm));
            return this;
        }

        /**
         * @param feature an optional feature the provider implements
         * @return this builder
         */
        public Builder addFeature(Feature feature) {
            features.add(Objects.requireNonNull(feature));
            return this;
        }

        /**
         * @param applied object settings the provider applies at initiate
         * @return this builder
         */
        public Builder addObjectSettings(ObjectSetting... applied) {
            for (ObjectSetting o : applied) {
                objectSettings.add(Objects.requireNonNull(o));
            }
            return this;
        }

        /**
         * @param names the provider options ({@link UploadOptions#providerOptions()}) the provider takes
         * @return this builder
         */
        public Builder addProviderOptions(String... names) {
            for (String n : names) {
                providerOptions.add(Objects.requireNonNull(n));
            }
            return this;
        }

        /**
         * @param implemented optional features the provider implements
         * @return this builder
         */
        public Builder addFeatures(Feature... implemented) {
            for (Feature f : implemented) {
                addFeature(f);
            }
            return this;
        }

        /**
         * @param feature a feature to remove
         * @return this builder
         */
        public Builder removeFeature(Feature feature) {
            features.remove(feature);
            return this;
        }

        /**
         * @param value what abort guarantees
         * @return this builder
         */
        public Builder abortGuarantee(AbortGuarantee value) {
            this.abortGuarantee = value;
            return this;
        }

        /**
         * @return the immutable capabilities
         * @throws IllegalArgumentException when the limits contradict each other
         */
        public Capabilities build() {
            return new Capabilities(this);
        }
    }
}
