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

    @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fail when nothing moves for this long, e.g. 30s or 5m (a silent server; default: the"
                    + " configuration's stall-timeout, else 2m).")
    java.time.Duration stallTimeout;

    /** Durations on the command line, as in the configuration file. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                return org.chunkedupload.api.Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--json", description = "Print the result as one JSON object (schema chunked-upload.put/1,"
            + " docs/cli-json.md).")
    boolean json;

    /**
     * @param base the configuration's transfer settings ({@link TransferSettings#DEFAULTS} without one)
     * @return the settings with this command line's options applied over them
     */
    TransferSettings settings(TransferSettings base) {
        return new TransferSettings(partSize != null ? partSize : base.partSize(),
                concurrency != null ? concurrency : base.concurrency(),
                checksum != null ? org.chunkedupload.api.ChecksumPolicy.parse(checksum) : base.checksum(),
                retries != null ? retries : base.retries(), base.retryBaseDelay(), base.retryMaxDelay(),
                base.retryDeadline(), base.journalDir(), stallTimeout != null ? stallTimeout : base.stallTimeout());
    }

    Uploader.Builder builder(TransferSettings base) {
        return settings(base).uploaderBuilder();
    }

    /**
     * Waits for the transfer with progress output. SIGINT, SIGTERM and SIGHUP cancel it: the upload is
     * aborted (or kept with --keep-on-failure) and waited for, at most {@link Interruption#WAIT}; the
     * command then fails with 128 + the signal number.
     */
    static UploadResult await(Transfer t, PrintWriter err, boolean quiet, boolean keep, Path journal, String endpoint) {
        try (Interruption interruption = new Interruption(t, err, keep, () -> leftBehind(t, journal));
             ProgressPrinter progress = new ProgressPrinter(err, quiet, t::progress)) {
            long deadline = 0;
            while (!t.isDone()) {
                if (interruption.received() != null) {
                    if (deadline == 0) {
                        deadline = System.nanoTime() + Interruption.WAIT.toNanos();
                    } else if (System.nanoTime() > deadline) {
                        throw new InterruptedByUserException("interrupted, and the upload could not be "
                                + (keep ? "kept" : "aborted") + " within " + Interruption.WAIT.toSeconds() + " s: "
                                + leftBehind(t, journal), Interruption.exitCode(interruption.received()), null);
                    }
                }
                try {
                    t.future().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // not done yet, or done with a failure that join() reports below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                UploadResult r = t.join();
                progress.succeeded();
                return r;
            } catch (ChunkedUploadException e) {
                if (interruption.received() != null) {
                    throw interrupted(t, e, keep, journal, Interruption.exitCode(interruption.received()));
                }
                if (e instanceof org.chunkedupload.transfer.StalledTransferException && endpoint != null) {
                    e = new org.chunkedupload.transfer.StalledTransferException(Main.message(e) + " (endpoint "
                            + endpoint + ")", e);
                }
                if (keep && t.handle().isPresent()) {
                    throw new KeptUploadException(Main.message(e) + "; the upload was kept: " + leftBehind(t, journal), e);
                }
                throw e;
            }
        }
    }

    private static InterruptedByUserException interrupted(Transfer t, ChunkedUploadException e, boolean keep, Path journal,
                                                          int code) {
        if (t.handle().isEmpty()) {
            return new InterruptedByUserException("interrupted before the upload began; nothing was left on the store",
                    code, e);
        }
        if (keep) {
            return new InterruptedByUserException("interrupted; the upload was kept: " + leftBehind(t, journal), code, e);
        }
        if (e.getSuppressed().length > 0) {
            return new InterruptedByUserException("interrupted, and aborting the upload failed ("
                    + Main.message(e.getSuppressed()[0]) + "): " + leftBehind(t, journal), code, e);
        }
        return new InterruptedByUserException("interrupted; upload " + t.handle().get().uploadId() + " of "
                + t.handle().get().target() + " was aborted and nothing of it is left on the store", code, e);
    }

    /** @return what is left of the transfer's upload on the store, with the commands that finish or free it */
    static String leftBehind(Transfer t, Path journal) {
        if (t.handle().isEmpty()) {
            return "no upload was started on the store";
        }
        var h = t.handle().get();
        String abort = "'chunked-upload abort " + h.target() + " --upload-id " + h.uploadId() + "'";
        return journal != null
                ? "finish it with 'chunked-upload resume " + journal + "' or free it with " + abort
                : "upload " + h.uploadId() + " of " + h.target() + " may still hold parts: free it with " + abort;
    }

    static void printResult(PrintWriter out, String source, UploadResult r, Transfer t, boolean json) {
        Duration d = t.progress().elapsed();
        double secs = Math.max(d.toNanos() / 1e9, 1e-9);
        if (json) {
            Json.line(out, "chunked-upload.put/1", g -> {
                g.writeStringField("source", source);
                g.writeStringField("provider", r.target().scheme());
                g.writeStringField("bucket", r.target().bucket());
                g.writeStringField("key", r.target().key());
                g.writeNumberField("size", r.size());
                g.writeNumberField("parts", r.partCount());
                Json.str(g, "etag", r.etag());
                Json.str(g, "versionId", r.versionId());
                Json.str(g, "crc32c", r.checksum() == null ? null : r.checksum().hex());
                g.writeNumberField("retries", t.progress().retries());
                g.writeNumberField("elapsedSeconds", secs);
                g.writeNumberField("bytesPerSecond", (long) (r.size() / secs));
            });
            return;
        }
        out.printf(Locale.ROOT, "uploaded %s -> %s%n  size      %d bytes (%s) in %d parts%n"
                        + "  checksum  %s%n  etag      %s%n  retries   %d%n  elapsed   %.2f s (%s/s)%n",
                source, r.target(), r.size(), Sizes.format(r.size()), r.partCount(),
                r.checksum() == null ? "none reported" : r.checksum().algorithm() + " " + r.checksum().hex(),
                r.etag(), t.progress().retries(), secs, Sizes.format(r.size() / secs));
    }

    /** A transfer ended by a signal; the exit code is 128 + the signal number. */
    static final class InterruptedByUserException extends ChunkedUploadException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        InterruptedByUserException(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }
    }

    /** A failed transfer that was kept for resume; carries the original failure for the exit code. */
    static final class KeptUploadException extends ChunkedUploadException {
        private static final long serialVersionUID = 1L;

        KeptUploadException(String message, ChunkedUploadException cause) {
            super(message, cause);
        }
    }
}
