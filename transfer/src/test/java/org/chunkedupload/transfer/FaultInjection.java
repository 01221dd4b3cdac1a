package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;
import org.chunkedupload.testsupport.Proxies;

/**
 * Wraps a real provider and injects faults into chosen attempts of chosen parts: an exception
 * before any byte is read, a connection reset after half the body was read, or a delay. Records
 * every part attempt (number, start time, bytes read, checksum sent).
 */
final class FaultInjection implements StorageProvider {
    /** What happens to one attempt. */
    enum Fault { RETRYABLE, FATAL, RESET_MIDWAY }

    /** What happens to complete. */
    enum CompleteFault {
        /** The store completes; the response is lost (a retryable timeout reaches the caller). */
        RESPONSE_LOST,
        /** The store completes; the response is lost, and the retried complete is answered "no such upload". */
        RETRY_ANSWERED_NO_SUCH_UPLOAD,
        /** The store completes; the process "dies" before it hears the answer (a non-retryable failure). */
        DIES_AFTER_COMPLETE,
        /** The upload vanished before complete: "no such upload", nothing is completed. */
        UPLOAD_VANISHED,
        /** The first complete fails with a retryable error before the store does anything; later ones pass. */
        TRANSIENT_ONCE
    }

    /** One uploadPart call as the provider saw it. */
    record Attempt(int partNumber, boolean checksumSent) { }

    private final StorageProvider delegate;
    private final UnaryOperator<Capabilities> caps;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>(); // "part:attempt" or "part:*"
    private final Map<Integer, AtomicInteger> attemptsByPart = new ConcurrentHashMap<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    final AtomicLong bytesRead = new AtomicLong();
    volatile long delayMillis;
    volatile CompleteFault completeFault;
    /** Called with the name of every backend and upload method, before the method runs. */
    volatile java.util.function.Consumer<String> beforeCall = name -> { };

    FaultInjection(StorageProvider delegate) {
        this(delegate, UnaryOperator.identity());
    }

    FaultInjection(StorageProvider delegate, UnaryOperator<Capabilities> caps) {
        this.delegate = delegate;
        this.caps = caps;
    }

    FaultInjection fail(int part, int attempt, Fault fault) {
        faults.put(part + ":" + attempt, fault);
        return this;
    }

    FaultInjection failAlways(int part, Fault fault) {
        faults.put(part + ":*", fault);
        return this;
    }

    /** Lets every later attempt through. */
    FaultInjection clearFaults() {
        faults.clear();
        return this;
    }

    int attemptsOf(int part) {
        AtomicInteger a = attemptsByPart.get(part);
        return a == null ? 0 : a.get();
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String description() {
        return "fault-injecting " + delegate.description();
    }

    @Override
    public List<ConfigKey> configKeys() {
        return delegate.configKeys();
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        ProviderBackend real = delegate.open(config);
        return Proxies.of(ProviderBackend.class, (m, args) -> {
            if (m.getName().equals("capabilities")) {
                return caps.apply(real.capabilities());
            }
            beforeCall.accept(m.getName());
            if (m.getName().equals("put")) {
                return put(real, args);
            }
            Object r = Proxies.call(m, real, args);
            return r instanceof ProviderUpload u ? wrap(u) : r;
        });
    }

    /**
     * A single-request put for tests (declare SINGLE_REQUEST_PUT with the capabilities operator): the
     * filesystem provider's upload of one part, behind the same faults as part 1 and complete.
     */
    private Object put(ProviderBackend real, Object[] a) {
        org.chunkedupload.spi.PartContent c = (org.chunkedupload.spi.PartContent) a[2];
        int attempt = attemptsByPart.computeIfAbsent(1, k -> new AtomicInteger()).incrementAndGet();
        attempts.add(new Attempt(1, c.checksum() != null));
        Fault f = faults.getOrDefault("1:" + attempt, faults.get("1:*"));
        if (f == Fault.RETRYABLE) {
            throw new TransientStorageException("injected 503 for put", null);
        }
        ProviderUpload u = real.initiate((String) a[0], (String) a[1], (org.chunkedupload.api.UploadOptions) a[3]);
        try {
            org.chunkedupload.api.PartReceipt r = u.uploadPart(c);
            Object result = u.complete(List.of(r), (org.chunkedupload.api.WritePrecondition) a[4]);
            if (completeFault == CompleteFault.RESPONSE_LOST) {
                completeFault = null;
                throw new TransientStorageException("injected: read timed out waiting for the response to put", null);
            }
            return result;
        } catch (RuntimeException e) {
            if (!(e instanceof TransientStorageException)) {
                u.abort();
            }
            throw e;
        }
    }

    private ProviderUpload wrap(ProviderUpload real) {
        return Proxies.of(ProviderUpload.class, (m, args) -> {
            beforeCall.accept(m.getName());
            if (m.getName().equals("complete") && completeFault == CompleteFault.TRANSIENT_ONCE) {
                completeFault = null;
                throw new TransientStorageException("injected 503 SlowDown for complete", null);
            }
            if (m.getName().equals("complete") && completeFault != null) {
                CompleteFault f = completeFault;
                if (f != CompleteFault.UPLOAD_VANISHED) {
                    Proxies.call(m, real, args);
                }
                switch (f) {
                    case RESPONSE_LOST -> throw new TransientStorageException("injected: read timed out waiting for"
                            + " the response to complete", null);
                    case DIES_AFTER_COMPLETE -> throw new ChunkedUploadException("injected: the process died", null);
                    default -> throw new org.chunkedupload.api.NoSuchUploadException("injected: no such upload", null);
                }
            }
            if (!m.getName().equals("uploadPart")) {
                return Proxies.call(m, real, args);
            }
            PartContent p = (PartContent) args[0];
            int attempt = attemptsByPart.computeIfAbsent(p.partNumber(), k -> new AtomicInteger()).incrementAndGet();
            attempts.add(new Attempt(p.partNumber(), p.checksum() != null));
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Fault f = faults.getOrDefault(p.partNumber() + ":" + attempt, faults.get(p.partNumber() + ":*"));
            InputStream counted = new InputStream() {
                @Override
                public int read() throws IOException {
                    int b = p.body().read();
                    if (b >= 0) {
                        bytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = p.body().read(b, off, len);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }
            };
            if (f == Fault.RETRYABLE) {
                throw new TransientStorageException("injected 503 for part " + p.partNumber(), null);
            }
            if (f == Fault.FATAL) {
                throw new ChunkedUploadException("injected fatal failure of part " + p.partNumber(), null);
            }
            if (f == Fault.RESET_MIDWAY) {
                counted.readNBytes((int) (p.length() / 2));
                throw new TransientStorageException("injected connection reset in part " + p.partNumber(), null);
            }
            return real.uploadPart(new PartContent(p.partNumber(), counted, p.length(), p.checksum()));
        });
    }
}
