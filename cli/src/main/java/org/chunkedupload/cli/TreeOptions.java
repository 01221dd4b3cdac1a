package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chunkedupload.api.ObjectPrefix;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.transfer.DirectoryUpload;
import org.chunkedupload.transfer.TreeProgress;
import org.chunkedupload.transfer.Uploader;
import picocli.CommandLine.Option;

/** {@code put DIR PREFIX --recursive}: every file under a directory, one budget of parts in flight for all. */
final class TreeOptions {
    @Option(names = {"-r", "--recursive"}, description = "FILE is a directory: upload every file under it to"
            + " TARGET/relative/path, with one budget of parts in flight (--concurrency) for all of them.")
    boolean recursive;

    @Option(names = "--include", paramLabel = "GLOB", description = "With --recursive: only files whose relative path"
            + " matches, e.g. '**.jpg'. Repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "With --recursive: leave out matching files, e.g."
            + " '**/.git/**'. Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--skip-existing", description = "With --recursive: skip a file whose object exists with its size"
            + " (and CRC-32C, where the store reports one).")
    boolean skipExisting;

    @Option(names = "--follow-links", description = "With --recursive: follow symbolic links (default: skip them).")
    boolean followLinks;

    /**
     * Uploads the tree and prints one line per file that did not upload, then a summary. With
     * {@code --journal DIR} the same command run again after a crash skips the files done and resumes
     * the files in flight.
     *
     * @return 0 when every file was uploaded or skipped, else 1
     */
    int upload(Uploader uploader, StorageBackend backend, Path dir, ObjectPrefix prefix, Path journal, boolean quiet,
               PrintWriter out, PrintWriter err) {
        TreeProgress progress = new TreeProgress();
        DirectoryUpload.Result r;
        try (ProgressPrinter printer = new ProgressPrinter(err, quiet, progress::snapshot, "files")) {
            r = DirectoryUpload.upload(uploader, backend, dir, prefix.bucket(), prefix.prefix(),
                    new DirectoryUpload.Options(includes, excludes, skipExisting, followLinks, journal), progress);
            printer.succeeded();
        }
        for (DirectoryUpload.FileOutcome f : r.files()) {
            if (f.status() == DirectoryUpload.Status.FAILED) {
                err.println("chunked-upload: " + f.file() + " -> " + f.target() + " failed: " + f.error());
            }
        }
        double secs = Math.max(r.elapsed().toNanos() / 1e9, 1e-9);
        long failed = r.count(DirectoryUpload.Status.FAILED);
        out.printf(Locale.ROOT, "%d files: %d uploaded (%s), %d skipped, %d failed in %.2f s (%s/s)%n", r.files().size(),
                r.count(DirectoryUpload.Status.UPLOADED), Sizes.format(r.bytesUploaded()),
                r.count(DirectoryUpload.Status.SKIPPED), failed, secs, Sizes.format(r.bytesUploaded() / secs));
        out.flush();
        err.flush();
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
