package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.config.TransferSettings;
import org.chunkedupload.transfer.Transfer;
import org.chunkedupload.transfer.Uploader;
import picocli.CommandLine.Option;

/** Transfer settings shared by {@code put} and {@code resume}, and the code that runs and reports a transfer. */
final class TransferOptions {
    @Option(names = "--part-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "Part size (first part size for stdin), e.g. 16MiB or 64MB (default: the configuration's,"
                    + " else automatic).")
    Long partSize;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Parts in flight at once (default: the configuration's, else 4).")
    Integer concurrency;

    @Option(names = "--checksum", paramLabel = "ALG",
            description = "Per-part checksum sent where the store verifies one: auto, crc32c, crc32, md5, sha256 or none"
                    + " (default: the configuration's, else auto = CRC32C unless the store takes another).")
    String checksum;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retries per part for retryable failures, with exponential back-off (default: the"
                    + " configuration's, else 5).")
    Integer retries;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    /**
     * @param base the configuration's transfer settings ({@link TransferSettings#DEFAULTS} without one)
     * @return the settings with this command line's options applied over them
     */
    TransferSettings settings(TransferSettings base) {
        return new TransferSettings(partSize != null ? partSize : base.partSize(),
                concurrency != null ? concurrency : base.concurrency(), checksum != null ? checksum : base.checksum(),
                retries != null ? retries : base.retries(), base.retryBaseDelay(), base.retryMaxDelay(),
                base.retryDeadline(), base.journalDir());
    }

    Uploader.Builder builder(TransferSettings base) {
        return settings(base).uploaderBuilder();
    }

    /** Waits for the transfer with progress output; Ctrl-C cancels it (abort, or keep with --keep-on-failure). */
    static UploadResult await(Transfer t, PrintWriter err, boolean quiet, boolean keep, Path journal) {
        Thread hook = new Thread(t::cancel, "chunked-upload-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ProgressPrinter progress = new ProgressPrinter(err, quiet, t::progress)) {
            UploadResult r = t.join();
            progress.succeeded();
            return r;
        } catch (ChunkedUploadException e) {
            if (keep && t.handle().isPresent()) {
                String how = journal != null ? "chunked-upload resume " + journal
                        : "upload id " + t.handle().get().uploadId() + " (abort it with 'chunked-upload abort')";
                throw new KeptUploadException(Main.message(e) + "; the upload was kept: " + how, e);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    static void printResult(PrintWriter out, String source, UploadResult r, Transfer t) {
        Duration d = t.progress().elapsed();
        double secs = Math.max(d.toNanos() / 1e9, 1e-9);
        out.printf(Locale.ROOT, "uploaded %s -> %s%n  size      %d bytes (%s) in %d parts%n"
                        + "  checksum  %s%n  etag      %s%n  retries   %d%n  elapsed   %.2f s (%s/s)%n",
                source, r.target(), r.size(), Sizes.format(r.size()), r.partCount(),
                r.checksum() == null ? "none reported" : r.checksum().algorithm() + " " + r.checksum().hex(),
                r.etag(), t.progress().retries(), secs, Sizes.format(r.size() / secs));
    }

    /** A failed transfer that was kept for resume; carries the original failure for the exit code. */
    static final class KeptUploadException extends ChunkedUploadException {
        private static final long serialVersionUID = 1L;

        KeptUploadException(String message, ChunkedUploadException cause) {
            super(message, cause);
        }
    }
}
