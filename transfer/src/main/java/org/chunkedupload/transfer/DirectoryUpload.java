package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.spi.Crc32c;

/**
 * Uploads every regular file under a directory to {@code PREFIX/relative/path}, with one pool of part
 * workers for the whole tree (the uploader's concurrency: the budget of parts in flight, and so of
 * part buffers): small files go several at once, a large file still splits into parallel parts, and
 * together they never exceed the budget.
 * A failing file is reported and the others go on. Links are not followed unless asked.
 */
public final class DirectoryUpload {
    /**
     * What to upload and how.
     *
     * @param includes globs a file's relative path must match one of (empty: every file), e.g. {@code **.jpg}
     * @param excludes globs that leave a file out, e.g. {@code **}{@code /.git/**}
     * @param skipExisting skip a file whose object exists with its size (and CRC-32C, where the store reports one)
     * @param followLinks follow symbolic links (default: a link is neither followed nor uploaded)
     * @param journal a directory where the tree's journal is kept, so that uploading the tree again after a
     *     crash skips the files done and resumes the files in flight; or null for none
     */
    public record Options(List<String> includes, List<String> excludes, boolean skipExisting, boolean followLinks,
                          @org.jspecify.annotations.Nullable Path journal) {
        /** Copies the lists. */
        public Options {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
        }

        /** @return every regular file, nothing skipped, no link followed, no journal */
        public static Options defaults() {
            return new Options(List.of(), List.of(), false, false, null);
        }
    }

    /** What happened to one file. */
    public enum Status {
        /** The object was created. */
        UPLOADED,
        /** The object was there already (size and CRC-32C), or an earlier run of the journal did it. */
        SKIPPED,
        /** The file could not be uploaded; see {@link FileOutcome#error()}. */
        FAILED
    }

    /**
     * @param file the file
     * @param target where it went (or would have)
     * @param status what happened
     * @param bytes its size
     * @param error why it failed, or null
     */
    public record FileOutcome(Path file, ObjectTarget target, Status status, long bytes, String error) {
    }

    /**
     * @param files every file's outcome, in path order
     * @param elapsed from start to the last file's end
     */
    public record Result(List<FileOutcome> files, Duration elapsed) {
        /** Copies the list. */
        public Result {
            files = List.copyOf(files);
        }

        /** @return the files with this status */
        public long count(Status status) {
            return files.stream().filter(f -> f.status() == status).count();
        }

        /** @return bytes of the files uploaded */
        public long bytesUploaded() {
            return files.stream().filter(f -> f.status() == Status.UPLOADED).mapToLong(FileOutcome::bytes).sum();
        }
    }

    private DirectoryUpload() {
    }

    /**
     * @param uploader the settings (its concurrency is the tree's budget of parts in flight); a journal
     *     set on it is not used: each file is resumable by uploading the tree again with skip-existing
     * @param backend the store
     * @param dir the directory
     * @param bucket the bucket
     * @param keyPrefix the key prefix ({@code ""} for the bucket's root; a '/' is added when missing)
     * @param options what to upload
     * @return every file's outcome
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public static Result upload(Uploader uploader, StorageBackend backend, Path dir, String bucket, String keyPrefix,
                                Options options) {
        return upload(uploader, backend, dir, bucket, keyPrefix, options, new TreeProgress());
    }

    /**
     * As {@link #upload(Uploader, StorageBackend, Path, String, String, Options)}, with live figures.
     *
     * @param progress filled in as the tree goes; poll {@link TreeProgress#snapshot()} from another thread
     * @return every file's outcome
     */
    public static Result upload(Uploader uploader, StorageBackend backend, Path dir, String bucket, String keyPrefix,
                                Options options, TreeProgress progress) {
        if (!Files.isDirectory(dir, options.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS})) {
            throw new IllegalArgumentException(dir + " is not a directory: give a directory, or put a single file"
                    + " without --recursive");
        }
        String prefix = keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
        List<Path> files = files(dir, options);
        progress.planned(files.size(), files.stream().mapToLong(DirectoryUpload::sizeOrZero).sum());
        TreeJournal journal = options.journal() == null ? null : TreeJournal.open(options.journal());
        int budget = uploader.settings.concurrency();
        ExecutorService parts = PartWorkers.sharedPool(budget);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(budget, r -> {
            Thread t = new Thread(r, "chunked-upload-file");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (Path f : files) {
                String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                ObjectTarget target = new ObjectTarget(backend.providerId(), bucket, prefix + rel);
                futures.add(pool.submit(() -> {
                    FileOutcome o = one(uploader, backend, f, rel, target, options, parts, progress, journal);
                    progress.fileEnded(o);
                    return o;
                }));
            }
            List<FileOutcome> out = new ArrayList<>();
            for (Future<FileOutcome> fut : futures) {
                out.add(fut.get());
            }
            boolean allDone = out.stream().noneMatch(o -> o.status() == Status.FAILED);
            if (journal != null && allDone) {
                journal.delete();
            }
            progress.ended(allDone);
            return new Result(out, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.ended(false);
            throw new CancelledTransferException("the directory upload was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            parts.shutdownNow();
        }
    }

    private static FileOutcome one(Uploader uploader, StorageBackend backend, Path file, String rel, ObjectTarget target,
                                   Options options, ExecutorService parts, TreeProgress progress,
                                   TreeJournal journal) {
        long size = -1;
        try {
            size = Uploader.sourceSize(file);
            if (journal != null && journal.isDone(rel, file)
                    || options.skipExisting() && exists(backend, target, file, size)) {
                return new FileOutcome(file, target, Status.SKIPPED, size, null);
            }
            Path fileJournal = journal == null ? null : journal.fileJournal(rel);
            Uploader u = uploader.forTreeFile(parts, progress.listener(), fileJournal);
            UploadResult r = fileJournal != null && Files.exists(fileJournal) ? u.resume(backend, fileJournal).join()
                    : u.upload(backend, file, target);
            if (journal != null) {
                journal.markDone(rel, file);
            }
            return new FileOutcome(file, target, Status.UPLOADED, r.size(), null);
        } catch (RuntimeException e) {
            return new FileOutcome(file, target, Status.FAILED, Math.max(size, 0),
                    e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    /** @return whether the object at the key has this file's size and, where the store says, its CRC-32C */
    private static boolean exists(StorageBackend backend, ObjectTarget target, Path file, long size) {
        Optional<ObjectInfo> info = backend.stat(target.bucket(), target.key());
        if (info.isEmpty() || info.get().size() != size) {
            return false;
        }
        var stored = info.get().checksum();
        if (stored == null || stored.algorithm() != ChecksumAlgorithm.CRC32C) {
            return true; // the store keeps no whole-object CRC-32C: the size is all there is to compare
        }
        try {
            return stored.equals(Crc32c.of(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reported as the file's failure when its turn comes
        }
    }

    private static List<Path> files(Path dir, Options options) {
        List<PathMatcher> in = options.includes().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<PathMatcher> out = options.excludes().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        Set<FileVisitOption> visit = options.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        try (Stream<Path> walk = Files.walk(dir, Integer.MAX_VALUE, visit.toArray(FileVisitOption[]::new))) {
            return walk.filter(p -> !p.equals(dir))
                    .filter(p -> options.followLinks() ? !Files.isDirectory(p) : !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isSymbolicLink(p))
                    .filter(p -> {
                        Path rel = dir.relativize(p);
                        return (in.isEmpty() || in.stream().anyMatch(mm -> mm.matches(rel)))
                                && out.stream().noneMatch(mm -> mm.matches(rel));
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
