package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.LinkOption;
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
            // 64 MiB: +23 % over 16 MiB at 4 in flight for a durable put (fewer syncs and part headers;
            // docs/benchmarks.md, "Scaling"); parts are read from the file, so memory does not grow
            .preferredPartSize(64L << 20)
            .partNumbers(1, 100_000)
            .maxPartCount(100_000)
            .maxObjectSize(Long.MAX_VALUE / 2)
            .addChecksumAlgorithm(ChecksumAlgorithm.CRC32C)
            .addFeatures(Feature.LIST_PARTS, Feature.LIST_PENDING, Feature.CONDITIONAL_CREATE,
                    Feature.CONDITIONAL_MATCH, Feature.ISOLATED_UPLOADS)
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

    /** @return the bucket's staging directory, checked to contain no link below the root */
    Path stagingDir(String bucket) {
        PathRules.bucketDir(root, bucket);
        Path dir = root.resolve(PathRules.STAGING).resolve(bucket);
        Containment.checkDirectory(root, dir, "the staging area of bucket '" + bucket + "'");
        return dir;
    }

    /** Work that may throw an I/O error. */
    interface IoWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the bucket's publish lock (a JVM lock and a file lock on
     * {@code .publish.lock} in its staging directory), which orders every replacement and
     * conditional deletion of the bucket's objects across threads and processes.
     */
    <T> T underPublishLock(Path stagingBucketDir, IoWork<T> work) throws IOException {
        Path lockFile = stagingBucketDir.resolve(".publish.lock");
        ReentrantLock jvmLock = publishLocks.computeIfAbsent(lockFile, t -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel lc = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), Staging.ownerOnlyFile()); FileLock ignored = lc.lock()) {
            return work.run();
        } finally {
            jvmLock.unlock();
        }
    }

    @Override
    public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
        Path target = PathRules.objectPath(root, bucket, key);
        Path bucketDir = PathRules.bucketDir(root, bucket);
        String name = "fs://" + bucket + "/" + key;
        Containment.checkDirectory(root, target.getParent(), name);
        Path staging = stagingDir(bucket); // checked before anything is created
        try {
            if (!Containment.isRealDirectory(bucketDir)) {
                if (!createBuckets) {
                    throw new InvalidTargetException("bucket '" + bucket + "' does not exist under " + root
                            + ": create the directory or set create-buckets=true");
                }
                Staging.createDirectories(bucketDir, false);
            }
            if (Containment.isRealDirectory(target)) {
                throw new InvalidTargetException("fs://" + bucket + "/" + key + " is a directory: choose another key");
            }
            String uploadId = Staging.randomId(16);
            Path dir = staging.resolve(uploadId);
            Staging.createDirectories(dir.getParent(), true);
            Containment.checkDirectory(root, dir.getParent(), name);
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
        Path dir = stagingDir(handle.bucket()).resolve(handle.uploadId());
        Containment.checkDirectory(root, dir, "upload " + handle.uploadId() + " of " + handle.target());
        FilesystemUpload upload = new FilesystemUpload(this, handle, target, dir);
        upload.recoverInterruptedComplete();
        return upload;
    }

    @Override
    public List<PendingUpload> listPending(String bucket, String keyPrefix) {
        Path dir = stagingDir(bucket);
        List<PendingUpload> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) s::iterator) {
                Optional<StagedUpload> staged = StagedUpload.of(entry); // links and strangers are skipped, never read
                if (staged.isEmpty()) {
                    continue;
                }
                Properties p;
                try {
                    p = Staging.readProperties(entry.resolve(FilesystemUpload.MANIFEST));
                } catch (NoSuchFileException e) {
                    continue; // removed meanwhile, or still being created
                }
                String key = p.getProperty("key", "");
                if (!key.startsWith(keyPrefix)) {
                    continue;
                }
                Instant initiated;
                try {
                    initiated = Instant.parse(p.getProperty("initiated", ""));
                } catch (java.time.format.DateTimeParseException e) {
                    initiated = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
                }
                out.add(new PendingUpload(UploadHandle.of(FilesystemProvider.ID, bucket, key, staged.get().uploadId()),
                        initiated, OptionalLong.of(staged.get().bytesHeld())));
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
        Containment.checkDirectory(root, p.getParent(), "fs://" + bucket + "/" + key);
        return Containment.attributes(p).filter(BasicFileAttributes::isRegularFile) // a link at the key is no object
                .map(a -> new ObjectInfo(new ObjectTarget(FilesystemProvider.ID, bucket, key), a.size(), etag(a),
                        a.lastModifiedTime().toInstant()));
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
        Containment.checkDirectory(root, p.getParent(), "fs://" + bucket + "/" + key);
        try {
            if (!Containment.isRegularFile(p)) {
                throw new NoSuchObjectException("no object at fs://" + bucket + "/" + key);
            }
            return Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException("no object at fs://" + bucket + "/" + key, e);
        } catch (IOException e) {
            throw Staging.map("read fs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        Path p = PathRules.objectPath(root, bucket, key);
        Containment.checkDirectory(root, p.getParent(), "fs://" + bucket + "/" + key);
        try {
            return Containment.isRegularFile(p) && Files.deleteIfExists(p); // never a link: it is not an object
        } catch (IOException e) {
            throw Staging.map("delete fs://" + bucket + "/" + key, e);
        }
    }

    /** Deletes the object only while it is still the file (identity, size and mtime) the ETag names. */
    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        Path p = PathRules.objectPath(root, bucket, key);
        Containment.checkDirectory(root, p.getParent(), "fs://" + bucket + "/" + key);
        try {
            Path staging = stagingDir(bucket);
            Staging.createDirectories(staging, true);
            return underPublishLock(staging, () -> {
                Optional<BasicFileAttributes> a = Containment.attributes(p).filter(BasicFileAttributes::isRegularFile);
                return a.isPresent() && etag(a.get()).equals(etag) && Files.deleteIfExists(p);
            });
        } catch (IOException e) {
            throw Staging.map("delete fs://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void close() {
        publishLocks.clear();
    }
}
