package org.chunkedupload.config;

import java.nio.file.Path;
import java.time.Duration;
import org.chunkedupload.api.ChecksumPolicy;
import org.chunkedupload.api.Durations;
import org.chunkedupload.transfer.RetryPolicy;
import org.chunkedupload.transfer.Uploader;
import org.jspecify.annotations.Nullable;

/**
 * How the engine moves the bytes, whatever the provider.
 *
 * @param partSize bytes per part, or 0 to let the engine choose from the object size
 * @param concurrency parts in flight at once
 * @param checksum which per-part checksum is sent where the store verifies one (key {@code checksum}:
 *     {@code auto}, {@code none}, {@code crc32c}, {@code crc32}, {@code md5}, {@code sha256})
 * @param retries retries per part for retryable failures
 * @param retryBaseDelay back-off ceiling after a part's first failure (full jitter below it)
 * @param retryMaxDelay the largest back-off ceiling
 * @param retryDeadline how long after the transfer began a retry may still start
 * @param journalDir where resume journals are kept, or {@code null} for none
 */
public record TransferSettings(long partSize, int concurrency, ChecksumPolicy checksum, int retries, Duration retryBaseDelay,
                               Duration retryMaxDelay, Duration retryDeadline, @Nullable Path journalDir, Duration stallTimeout) {
    /**
     * The defaults: automatic part size, 4 parts in flight, automatic checksum, 5 retries with
     * back-off from 200 ms to 20 s within 1 hour, no journals.
     */
    public static final TransferSettings DEFAULTS = new TransferSettings(0, 4, ChecksumPolicy.AUTO, 5,
            RetryPolicy.defaults().baseDelay(), RetryPolicy.defaults().maxDelay(), RetryPolicy.defaults().deadline(), null,
            Uploader.DEFAULT_STALL_TIMEOUT);

    /**
     * Validates the fields with the engine's checks ({@link Uploader.Builder}) and the retry limits;
     * messages name the configuration key.
     */
    public TransferSettings {
        // the engine's own checks, with its limits: one validation for the builder, the file and the CLI
        Uploader.builder().partSize(partSize).concurrency(concurrency)
                .stallTimeout(java.util.Objects.requireNonNull(stallTimeout, "stallTimeout"))
                .checksum(java.util.Objects.requireNonNull(checksum, "checksum"));
        if (retries < 0) {
            throw new IllegalArgumentException("'retries' must be >= 0, got " + retries);
        }
        if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            throw new IllegalArgumentException("'retry-max-delay' (" + Durations.human(retryMaxDelay) + ") must not be"
                    + " below 'retry-base-delay' (" + Durations.human(retryBaseDelay) + ")");
        }
        if (retryDeadline.isNegative()) {
            throw new IllegalArgumentException("'retry-deadline' must not be negative");
        }
    }

    /** @return an engine builder with these settings (journal and precondition are per upload) */
    public Uploader.Builder uploaderBuilder() {
        Uploader.Builder b = Uploader.builder().concurrency(concurrency).stallTimeout(stallTimeout)
                .retry(new RetryPolicy(retries + 1, retryBaseDelay, retryMaxDelay, retryDeadline));
        if (partSize > 0) {
            b.partSize(partSize);
        }
        return b.checksum(checksum);
    }
}
