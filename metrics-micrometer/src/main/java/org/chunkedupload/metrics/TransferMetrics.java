package org.chunkedupload.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.TransferListener;
import org.chunkedupload.transfer.TransferProgress;

/**
 * Micrometer metrics of transfers, bound through the engine's listener: pass it to
 * {@code Uploader.builder().listener(new TransferMetrics(registry))} (combine several listeners with
 * {@link TransferListener#all}). Every meter is tagged with the {@code provider} ({@code fs},
 * {@code s3}, {@code gs}, {@code az}, ...):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>further tags</th></tr>
 * <tr><td>{@code chunkedupload.bytes.sent}</td><td>counter (bytes)</td><td></td></tr>
 * <tr><td>{@code chunkedupload.parts}</td><td>counter</td><td>{@code outcome}: stored, failed</td></tr>
 * <tr><td>{@code chunkedupload.part.duration}</td><td>timer, with a percentile histogram</td><td>{@code outcome}</td></tr>
 * <tr><td>{@code chunkedupload.part.retries}</td><td>counter</td><td>{@code cause}: the exception's simple name</td></tr>
 * <tr><td>{@code chunkedupload.parts.inflight}</td><td>gauge</td><td></td></tr>
 * <tr><td>{@code chunkedupload.failures}</td><td>counter</td><td>{@code operation}, {@code exception}</td></tr>
 * <tr><td>{@code chunkedupload.transfers}</td><td>counter</td><td>{@code outcome}: completed, aborted, kept</td></tr>
 * <tr><td>{@code chunkedupload.pending.bytes}</td><td>gauge (bytes)</td><td>{@code bucket}; set by {@link #recordPending}</td></tr>
 * </table>
 *
 * <p>Thread-safe; one instance may serve every transfer of an application.
 */
public final class TransferMetrics implements TransferListener {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicLong> pendingBytes = new ConcurrentHashMap<>();

    /** @param registry where the meters live */
    public TransferMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onPartStarted(UploadHandle handle, int partNumber, int attempt) {
        inFlight(handle.providerId()).incrementAndGet();
    }

    @Override
    public void onPartFinished(UploadHandle handle, int partNumber, long bytes, Duration elapsed,
                               ChunkedUploadException failure) {
        String provider = handle.providerId();
        inFlight(provider).decrementAndGet();
        String outcome = failure == null ? "stored" : "failed";
        Timer.builder("chunkedupload.part.duration").description("time to send one part attempt")
                .tags("provider", provider, "outcome", outcome).publishPercentileHistogram().register(registry)
                .record(elapsed);
        Counter.builder("chunkedupload.parts").description("part attempts")
                .tags("provider", provider, "outcome", outcome).register(registry).increment();
        if (failure == null) {
            Counter.builder("chunkedupload.bytes.sent").baseUnit("bytes").description("bytes of stored parts")
                    .tags("provider", provider).register(registry).increment(bytes);
        } else {
            failure(provider, failure, Operation.UPLOAD_PART);
        }
    }

    @Override
    public void onPartRetry(int partNumber, int failedAttempt, ChunkedUploadException cause, Duration backoff) {
        Counter.builder("chunkedupload.part.retries").description("part attempts sent again after a retryable failure")
                .tags("provider", provider(cause), "cause", cause.getClass().getSimpleName()).register(registry)
                .increment();
    }

    @Override
    public void onCompleted(UploadResult result, TransferProgress progress) {
        transfer(result.target().scheme(), "completed");
    }

    @Override
    public void onFailed(UploadHandle handle, RuntimeException failure, boolean aborted) {
        String provider = handle != null ? handle.providerId()
                : failure instanceof ChunkedUploadException c ? provider(c) : "unknown";
        if (!(failure instanceof ChunkedUploadException c && c.operation() == Operation.UPLOAD_PART)) {
            failure(provider, failure, failure instanceof ChunkedUploadException c ? c.operation() : null);
        }
        transfer(provider, aborted ? "aborted" : "kept");
    }

    /**
     * Records what {@code pending} found: the bytes held by the unfinished uploads under one bucket.
     *
     * @param provider the provider id
     * @param bucket the bucket listed
     * @param pending what {@code StorageBackend.listPending} returned
     */
    public void recordPending(String provider, String bucket, List<PendingUpload> pending) {
        long bytes = pending.stream().mapToLong(p -> p.bytesHeld().orElse(0)).sum();
        pendingBytes.computeIfAbsent(List.of(provider, bucket), k -> {
            AtomicLong held = new AtomicLong();
            Gauge.builder("chunkedupload.pending.bytes", held, AtomicLong::get).baseUnit("bytes")
                    .description("bytes held by unfinished uploads when they were last listed")
                    .tags(Tags.of("provider", provider, "bucket", bucket)).register(registry);
            return held;
        }).set(bytes);
    }

    private AtomicInteger inFlight(String provider) {
        return inFlight.computeIfAbsent(provider, p -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("chunkedupload.parts.inflight", n, AtomicInteger::get).description("part attempts in flight")
                    .tags("provider", p).register(registry);
            return n;
        });
    }

    private void failure(String provider, RuntimeException failure, Operation operation) {
        Counter.builder("chunkedupload.failures").description("failed part attempts and failed transfers")
                .tags("provider", provider, "operation", operation == null ? "transfer" : operation.name().toLowerCase(
                        java.util.Locale.ROOT), "exception", failure.getClass().getSimpleName())
                .register(registry).increment();
    }

    private void transfer(String provider, String outcome) {
        Counter.builder("chunkedupload.transfers").description("transfers that ended, by outcome")
                .tags("provider", provider, "outcome", outcome).register(registry).increment();
    }

    private static String provider(ChunkedUploadException e) {
        return e.providerId() != null ? e.providerId() : "unknown";
    }
}
