package org.chunkedupload.guard;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UnsupportedFeatureException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's backend: wraps a provider so that every provider gets the same argument checks,
 * receipt validation, integrity checks and close semantics.
 */
public final class GuardedBackend implements StorageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedBackend.class);
    private final String providerId;
    private final ProviderBackend provider;
    private final Capabilities caps;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param providerId the provider id
     * @param provider the provider's backend
     */
    public GuardedBackend(String providerId, ProviderBackend provider) {
        this.providerId = providerId;
        this.provider = provider;
        this.caps = Objects.requireNonNull(provider.capabilities(), "provider returned null capabilities");
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public Capabilities capabilities() {
        return caps;
    }

    @Override
    public ChunkedUploadSession initiate(ObjectTarget target, UploadOptions options) {
        checkTarget(target, options);
        return new GuardedUpload(this, provider.initiate(target.bucket(), target.key(), options));
    }

    @Override
    public org.chunkedupload.api.UploadResult put(ObjectTarget target, java.util.function.Supplier<? extends java.io.InputStream> body,
                                                 long length, org.chunkedupload.api.Checksum checksum,
                                                 UploadOptions options, org.chunkedupload.api.WritePrecondition precondition) {
        checkTarget(target, options);
        return GuardedPut.put(this, provider, target, body, length, checksum, options, precondition);
    }

    /** Checks that the target is this provider's and that it can apply the options. */
    private void checkTarget(ObjectTarget target, UploadOptions options) {
        ensureOpen();
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (!target.scheme().equals(providerId)) {
            throw new InvalidTargetException("target " + target + " is for provider '" + target.scheme()
                    + "' but this backend is '" + providerId + "': write the target as " + providerId + "://"
                    + target.bucket() + "/" + target.key() + " or configure provider " + target.scheme());
        }
        java.util.Set<org.chunkedupload.api.ObjectSetting> missing = options.requestedSettings();
        missing.removeAll(capabilities().objectSettings());
        if (!missing.isEmpty()) {
            throw new org.chunkedupload.api.UnsupportedFeatureException("provider " + providerId + " cannot set "
                    + missing + " on an object (it applies " + (capabilities().objectSettings().isEmpty() ? "none of those"
                    : capabilities().objectSettings()) + "): leave them out for " + target);
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>(options.providerOptions().keySet());
        unknown.removeAll(capabilities().providerOptions());
        if (!unknown.isEmpty()) {
            throw new org.chunkedupload.api.ConfigurationException("provider option " + unknown + " is not one of provider "
                    + providerId + "'s: " + (capabilities().providerOptions().isEmpty() ? "it takes none"
                    : new java.util.TreeSet<>(capabilities().providerOptions())));
        }
    }

    @Override
    public ChunkedUploadSession resume(UploadHandle handle) {
        ensureOpen();
        Objects.requireNonNull(handle, "handle");
        if (!handle.providerId().equals(providerId)) {
            throw new IllegalArgumentException("the handle belongs to provider '" + handle.providerId()
                    + "' but this backend is '" + providerId + "': resume it on a backend of that provider");
        }
        return new GuardedUpload(this, provider.resume(handle));
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        ensureOpen();
        requireBucket(bucket);
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!caps.supports(Feature.LIST_PENDING)) {
            throw new UnsupportedFeatureException("listPending needs capability LIST_PENDING, which provider "
                    + providerId + " does not declare");
        }
        List<PendingUpload> out = new ArrayList<>(provider.listPending(bucket, keyPrefix));
        out.sort(Comparator.comparing(PendingUpload::key)
                .thenComparing(p -> p.initiated() == null ? java.time.Instant.MIN : p.initiated()));
        return List.copyOf(out);
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        ensureOpen();
        return provider.stat(requireBucket(bucket), requireKey(key));
    }

    @Override
    public InputStream read(String bucket, String key) {
        ensureOpen();
        return provider.read(requireBucket(bucket), requireKey(key));
    }

    @Override
    public boolean delete(String bucket, String key) {
        ensureOpen();
        return provider.delete(requireBucket(bucket), requireKey(key));
    }

    @Override
    public Optional<org.chunkedupload.api.UploadBackstop> backstop() {
        return provider.backstop();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            provider.close();
        }
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("backend " + providerId + " is closed");
        }
    }

    private static String requireBucket(String bucket) {
        if (bucket == null || bucket.isEmpty() || bucket.indexOf('/') >= 0) {
            throw new InvalidTargetException("invalid bucket '" + bucket + "': non-empty and without '/'");
        }
        return bucket;
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidTargetException("the object key must not be empty");
        }
        return key;
    }

    @Override
    public String toString() {
        return "StorageBackend[" + providerId + "]";
    }

    /**
     * An object that failed its integrity check right after complete: removes exactly the version
     * this upload produced where the store can do so conditionally, else names it and how to delete it.
     *
     * @param result what complete reported
     * @param what what does not match
     * @return the exception to throw
     */
    IntegrityException corrupt(org.chunkedupload.api.UploadResult result, String what) {
        ObjectTarget t = result.target();
        String outcome;
        try {
            outcome = result.etag() != null && provider.deleteIfMatch(t.bucket(), t.key(), result.etag())
                    ? "the corrupt object was removed (exactly the version this upload wrote); upload the file again"
                    : "the object at " + t + " is no longer the one this upload wrote, so it was left alone";
        } catch (org.chunkedupload.api.UnsupportedFeatureException e) {
            outcome = "the corrupt object is still at " + t + " (ETag " + result.etag() + ") because provider "
                    + providerId + " cannot delete it conditionally: delete it with the store's own tools, then upload"
                    + " the file again";
        } catch (RuntimeException e) {
            outcome = "removing the corrupt object at " + t + " (ETag " + result.etag() + ") failed (" + e.getMessage()
                    + "): delete it with the store's own tools, then upload the file again";
        }
        LOG.error("integrity failure at {}: {}; {}", t, what, outcome);
        return new IntegrityException(what + ": " + outcome);
    }

    /**
     * Whether the object at {@code t} is exactly the given parts: its size and its whole-object
     * CRC-32C (the store's, or read back when the store keeps none) match.
     *
     * @return the result of the complete that produced it, or empty
     */
    Optional<org.chunkedupload.api.UploadResult> completedAlready(ObjectTarget t, long size,
                                                                 org.chunkedupload.api.Checksum crc32c, int parts) {
        if (crc32c == null) {
            return Optional.empty();
        }
        Optional<ObjectInfo> info = provider.stat(t.bucket(), t.key());
        if (info.isEmpty() || info.get().size() != size) {
            return Optional.empty();
        }
        org.chunkedupload.api.Checksum stored = info.get().checksum();
        if (stored == null || stored.algorithm() != org.chunkedupload.api.ChecksumAlgorithm.CRC32C) {
            try {
                stored = org.chunkedupload.spi.Crc32c.of(provider.read(t.bucket(), t.key()));
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty(); // cannot tell: the caller reports the original failure
            }
        }
        return stored.equals(crc32c) ? Optional.of(new org.chunkedupload.api.UploadResult(t, size, info.get().etag(), null,
                stored, parts)) : Optional.empty();
    }
}
