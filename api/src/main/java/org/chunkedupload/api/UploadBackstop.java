package org.chunkedupload.api;

import java.time.Duration;

/**
 * The store's own backstop for uploads nobody completes or aborts
 * ({@link StorageBackend#backstop()}), so that they stop billing even when no client cleans up (S3: an
 * {@code AbortIncompleteMultipartUpload} lifecycle rule; GCS: a lifecycle delete rule on the
 * temporary prefix; Azure: the service's collection of uncommitted blocks). It works through the open
 * backend that handed it out. A store without one has none; {@code chunked-upload backstop} then
 * says so and points to {@code sweep}.
 */
public interface UploadBackstop {

    /**
     * What the backstop looks like now.
     *
     * @param bucket the bucket
     * @param keyPrefix the key prefix the backstop should cover, possibly empty
     * @param abortAfter the longest an abandoned upload may live
     * @return whether a backstop at least that strict covers the prefix, and what is in place
     */
    Status check(String bucket, String keyPrefix, Duration abortAfter);

    /**
     * Installs (or tightens) the backstop, keeping every other rule of the bucket.
     *
     * @param bucket the bucket
     * @param keyPrefix the key prefix to cover, possibly empty
     * @param abortAfter the longest an abandoned upload may live
     * @return what is in place afterwards
     */
    Status install(String bucket, String keyPrefix, Duration abortAfter);

    /**
     * @param inPlace whether a backstop at least as strict as asked covers the prefix
     * @param description what is in place (or missing), in one or two sentences for people
     */
    record Status(boolean inPlace, String description) {
    }

    /**
     * @param abortAfter a duration
     * @return whole days, for stores whose rules count days
     * @throws IllegalArgumentException when the duration is not a positive number of days
     */
    static int wholeDays(Duration abortAfter) {
        if (abortAfter.isNegative() || abortAfter.isZero() || abortAfter.toSeconds() % 86_400 != 0) {
            throw new IllegalArgumentException("lifecycle rules count whole days: give e.g. 1d or 7d, not " + abortAfter);
        }
        return Math.toIntExact(abortAfter.toDays());
    }
}
