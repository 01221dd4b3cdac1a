package org.chunkedupload.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.DirectoryUpload.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of many files: files of at least {@code largeFile} bytes go one by one as giant
 * objects (their parts spread over all tasks); the others are spread over tasks and uploaded whole.
 * When the job fails, every upload still pending at one of its keys and begun since the job began is
 * aborted (as the S3A committers' {@code abort.pending.uploads} does), unless the job keeps them.
 */
final class FileJob {
    private static final Logger LOG = LoggerFactory.getLogger(FileJob.class);

    private FileJob() {
    }

    /** @return {source, key} of every regular file under a local directory, keys {@code prefix + relative path} */
    static List<String> listDirectory(Path dir, String prefix) {
        String p = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted()
                    .map(f -> f + "\t" + p + dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static List<FileResult> run(SparkUpload job, String bucket, List<String> files, boolean skipExisting) {
        StorageBackend backend = job.config.backend();
        Instant began = Instant.now().minusSeconds(5);
        List<String[]> small = new ArrayList<>();
        List<String[]> large = new ArrayList<>();
        for (String line : files) {
            String[] f = line.split("\t", 2);
            (size(f[0]) >= job.largeFile ? large : small).add(f);
        }
        UploadManifest manifest = new UploadManifest(null, null, -1, job.partSize, files, bucket);
        List<FileResult> out = new ArrayList<>();
        try {
            if (!small.isEmpty()) {
                int slices = Math.max(1, Math.min(small.size(), job.tasks * 4));
                out.addAll(job.inGroup("upload " + small.size() + " files to " + bucket, () -> job.sc.parallelize(small,
                        slices).mapPartitions(new FileTask(job.config, bucket, job.partSize, job.concurrency, skipExisting,
                        job.metrics)).collect()));
            }
            for (String[] f : large) {
                out.add(large(job, backend, bucket, f));
            }
        } catch (Exception e) { // Spark's own SparkException is checked in Java's eyes
            String why = JobFailure.why(e);
            if (job.keepOnFailure) {
                throw new SparkUploadException("the Spark job uploading " + files.size() + " files to " + bucket
                        + " failed (" + why + "); resume it with SparkUpload.resume(manifest)", manifest, e);
            }
            int aborted = abortPending(backend, bucket, files, began);
            throw new org.chunkedupload.api.ChunkedUploadException("the Spark job uploading " + files.size()
                    + " files to " + bucket + " failed (" + why + "); " + aborted
                    + " upload(s) it left pending were aborted", e);
        }
        LOG.info("{} files to {}: {} uploaded, {} skipped, {} failed; {}", out.size(), bucket,
                out.stream().filter(r -> r.status() == Status.UPLOADED).count(),
                out.stream().filter(r -> r.status() == Status.SKIPPED).count(),
                out.stream().filter(r -> r.status() == Status.FAILED).count(), job.metrics);
        return out;
    }

    /** @return the file's size, or -1 when it cannot be read (its task then reports why, in its row) */
    private static long size(String source) {
        try {
            return new SourcePath(source).open().size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static FileResult large(SparkUpload job, StorageBackend backend, String bucket, String[] f) {
        ObjectTarget t = new ObjectTarget(backend.providerId(), bucket, f[1]);
        UploadResult r = ObjectJob.run(job, new SourcePath(f[0]), t, null);
        return new FileResult(f[0], f[1], r.size(), r.checksum() == null ? null : r.checksum().base64(), r.etag(),
                Status.UPLOADED, null);
    }

    /**
     * Aborts the uploads pending at the job's keys that began after {@code since} (a killed task's; a
     * concurrent writer of other keys is never touched).
     *
     * @return how many were aborted
     */
    static int abortPending(StorageBackend backend, String bucket, List<String> files, Instant since) {
        Set<String> keys = new java.util.HashSet<>();
        files.forEach(l -> keys.add(l.split("\t", 2)[1]));
        String common = keys.stream().reduce(FileJob::commonPrefix).orElse("");
        int n = 0;
        for (PendingUpload p : backend.listPending(bucket, common)) {
            if (keys.contains(p.handle().key()) && p.initiated() != null && !p.initiated().isBefore(since)) {
                backend.resume(p.handle()).abort();
                n++;
            }
        }
        return n;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
