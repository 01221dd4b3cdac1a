package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;

/** The filesystem store rooted at one directory. */
final class FilesystemBackend implements ProviderBackend {
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .partSize(0, Long.MAX_VALUE / 2)
            .partNumbers(1, 100_000)
            .maxPartCount(100_000)
            .maxObjectSize(Long.MAX_VALUE / 2)
            .addChecksumAlgorithm(ChecksumAlgorithm.CRC32C)
            .addFeature(Feature.LIST_PARTS)
            .addFeature(Feature.LIST_PENDING)
            .addFeature(Feature.CONDITIONAL_CREATE)
            .addFeature(Feature.CONDITIONAL_MATCH)
            .addFeature(Feature.ISOLATED_SESSIONS)
            .abortGuarantee(AbortGuarantee.immediate())
            .build();

    final Path root;
    final boolean fsync;
    private final boolean createBuckets;
    private final ConcurrentHashMap<Path, ReentrantLock> publishLocks = new ConcurrentHashMap<>();

    FilesystemBackend(Path root, boolean fsync, boolean createBuckets) {
        this.root = root;
        this.fsync = fsync;
        this.createBuckets = createBuckets;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    Path stagingDir(String bucket) {
        PathRules.bucketDir(root, bucket);
        return root.resolve(PathRules.STAGING).resolve(bucket);
    }

    ReentrantLock publishLock(Path target) {
        return publishLocks.computeIfAbsent(target, t -> new ReentrantLock());
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        Path target = PathRules.objectPath(root, bucket, key);
        Path bucketDir = PathRules.bucketDir(root, bucket);
        try {
            if (!Files.isDirectory(bucketDir)) {
                if (!createBuckets) {
                    throw new InvalidTargetException("bucket '" + bucket + "' does not exist under " + root
                            + ": create the directory or set create-buckets=true");
                }
                Staging.createDirectories(bucketDir, false);
            }
            if (Files.isDirectory(target)) {
                throw new InvalidTargetException("fs://" + bucket + "/" + key + " is a directory: choose another key");
            }
            String uploadId = Staging.randomId(16);
            Path dir = stagingDir(bucket).resolve(uploadId);
            Staging.createDirectories(dir.getParent(), true);
            Files.createDirectory(dir, Staging.ownerOnlyDir());
            Properties p = new Properties();
            p.setProperty("key", key);
            p.setProperty("initiated", Instant.now().toString());
            if (options.contentType() != null) {
                p.setProperty("content-type", options.contentType());
            }
            options.metadata().forEach((k, v) -> p.setProperty("meta." + k, v));
            if (options.partSizeHint() > 0) {
                p.setProperty("part-size-hint", Long.toString(options.partSizeHint()));
            }
            Staging.writeProperties(dir.resolve(FilesystemUpload.MANIFEST), p, fsync);
            return new FilesystemUpload(this, UploadHandle.of(FilesystemProvider.ID, bucket, key, uploadId), target, dir);
        } catch (IOException e) {
            throw Staging.map("initiate fs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public ProviderUpload resume(UploadHandle handle) {
        Path target = PathRules.objectPath(root, handle.bucket(), handle.key());
        if (!handle.uploadId().matches("[0-9a-f]{32}")) {
            throw new org.chunkedupload.api.NoSuchUploadException("no upload with id '" + handle.uploadId()
                    + "' on fs: fs upload ids are 32 hex digits");
        }
        return new FilesystemUpload(this, handle, target, stagingDir(handle.bucket()).resolve(handle.uploadId()));
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        Path dir = stagingDir(bucket);
        List<PendingUpload> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path up : (Iterable<Path>) s::iterator) {
                String id = up.getFileName().toString();
                if (id.startsWith(".")) {
                    continue; // being aborted or completed
                }
                Properties p;
                try {
                    p = Staging.readProperties(up.resolve(FilesystemUpload.MANIFEST));
                } catch (NoSuchFileException e) {
                    continue; // removed meanwhile, or still being created
                }
                String key = p.getProperty("key", "");
                if (!key.startsWith(keyPrefix)) {
                    continue;
                }
                long bytes;
                try {
                    bytes = new FilesystemUpload(this, UploadHandle.of(FilesystemProvider.ID, bucket, key, id),
                            PathRules.objectPath(root, bucket, key), up).listParts().stream()
                            .mapToLong(org.chunkedupload.api.PartReceipt::size).sum();
                } catch (org.chunkedupload.api.NoSuchUploadException e) {
                    continue; // finished meanwhile
                }
                out.add(new PendingUpload(UploadHandle.of(FilesystemProvider.ID, bucket, key, id),
                        Instant.parse(p.getProperty("initiated")), OptionalLong.of(bytes)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw Staging.map("list pending uploads in fs://" + bucket, e);
        }
        return out;
    }

    @Override
    public Optional<ObjectInfo> stat(String bucket, String key) {
        Path p = PathRules.objectPath(root, bucket, key);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new ObjectInfo(new ObjectTarget(FilesystemProvider.ID, bucket, key), a.size(), etag(a),
                    a.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw Staging.map("stat fs://" + bucket + "/" + key, e);
        }
    }

    /** An ETag that changes whenever the file is replaced or rewritten: size, mtime and file identity. */
    static String etag(BasicFileAttributes a) {
        Object fileKey = a.fileKey();
        return Long.toHexString(a.size()) + "-" + Long.toHexString(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS))
                + "-" + Integer.toHexString(fileKey == null ? 0 : fileKey.hashCode());
    }

    @Override
    public InputStream read(String bucket, String key) {
        Path p = PathRules.objectPath(root, bucket, key);
        try {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchObjectException("no object at fs://" + bucket + "/" + key);
            }
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException("no object at fs://" + bucket + "/" + key, e);
        } catch (IOException e) {
            throw Staging.map("read fs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        Path p = PathRules.objectPath(root, bucket, key);
        try {
            return Files.isRegularFile(p) && Files.deleteIfExists(p);
        } catch (IOException e) {
            throw Staging.map("delete fs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void close() {
        publishLocks.clear();
    }
}
