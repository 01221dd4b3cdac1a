package org.chunkedupload.transfer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a failed part is retried: exponential back-off with full jitter (a random wait between 0 and
 * {@code min(maxDelay, baseDelay * 2^(failures-1))}), at most {@code maxAttempts} attempts per part,
 * and no retry starting later than {@code deadline} after the transfer began. Only failures whose
 * {@link org.chunkedupload.api.ChunkedUploadException#retryable()} is true are retried; a retry
 * re-sends only that part, re-read from its file range or buffer.
 *
 * @param maxAttempts attempts per part, including the first (1 = no retry)
 * @param baseDelay the back-off ceiling after the first failure
 * @param maxDelay the largest back-off ceiling
 * @param deadline how long after the start of the transfer a retry may still begin
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    /** Validates the fields. */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay");
        }
    }

    /** @return 6 attempts, back-off from 200 ms up to 20 s, retries start at most 1 hour into the transfer */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(20), Duration.ofHours(1));
    }

    /** @return one attempt per part: no retry */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param failures how many attempts of this part have failed so far (1 or more)
     * @return the wait before the next attempt, with full jitter
     */
    public Duration backoff(int failures) {
        long base = baseDelay.toMillis();
        long ceiling = failures >= 31 ? maxDelay.toMillis() : Math.min(maxDelay.toMillis(), base << (failures - 1));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
