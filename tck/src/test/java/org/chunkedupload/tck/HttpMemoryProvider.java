package org.chunkedupload.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;

/**
 * The client of {@link HttpMemoryServer}, scheme {@code httpmem}, for the self-tests of the FAULT
 * rules: correct, or with one defect a real provider might have on a faulty network.
 */
final class HttpMemoryProvider implements StorageProvider {
    /** What is wrong with the provider. */
    enum Defect {
        NONE,
        /** After a connection reset it "resumes" a part by sending only the bytes after the half it believes arrived. */
        NOT_RETRY_SAFE,
        /** A lost response to complete escapes as a raw exception instead of a result or a precise error. */
        MISREPORTS_LOST_COMPLETE
    }

    static final Capabilities CAPS = Capabilities.builder().partSize(0, 64L << 20).partNumbers(1, 10_000)
            .maxPartCount(10_000).abortGuarantee(AbortGuarantee.immediate()).build();

    private final Defect defect;

    HttpMemoryProvider(Defect defect) {
        this.defect = defect;
    }

    @Override
    public String id() {
        return "httpmem";
    }

    @Override
    public String description() {
        return "in-memory store over HTTP, for self-tests (" + defect + ")";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(new ConfigKey("endpoint", "the server's URL", null, false),
                new ConfigKey("read-timeout", "longest silence of the server", "30s", false));
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        return new Client(config.get("endpoint").orElseThrow(), config.getDuration("read-timeout", Duration.ofSeconds(30)));
    }

    private final class Client implements ProviderBackend {
        private final String endpoint;
        private final Duration timeout;
        private final HttpClient http;

        Client(String endpoint, Duration timeout) {
            this.endpoint = endpoint;
            this.timeout = timeout;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        }

        /** One call: the response body as text, or the mapped error. */
        String call(String path, byte[] body, String... query) {
            return new String(callBytes(path, body, query), StandardCharsets.UTF_8);
        }

        /** One call: the response body, or the mapped error. */
        byte[] callBytes(String path, byte[] body, String... query) {
            StringBuilder uri = new StringBuilder(endpoint).append(path).append('?');
            for (int i = 0; i < query.length; i += 2) {
                uri.append(query[i]).append('=').append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8)).append('&');
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<byte[]> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new TransientStorageException(path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChunkedUploadException("interrupted", e);
            }
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return switch (r.statusCode()) {
                case 200, 204 -> r.body();
                case 404 -> throw path.equals("/stat") || path.equals("/read") ? new NoSuchObjectException(text)
                        : new NoSuchUploadException(text, null);
                case 409 -> throw new InvalidPartException(text);
                case 412 -> throw new PreconditionFailedException(text);
                default -> throw r.statusCode() >= 500 || r.statusCode() == 429
                        ? new TransientStorageException(path + " answered " + r.statusCode(), null)
                        : new ChunkedUploadException(path + " answered " + r.statusCode() + ": " + text, null);
            };
        }

        @Override
        public Capabilities capabilities() {
            return CAPS;
        }

        @Override
        public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
            UploadHandle inner = UploadHandle.parse(call("/initiate", new byte[0], "bucket", bucket, "key", key));
            return new Upload(this, UploadHandle.of("httpmem", bucket, key, inner.serialize()));
        }

        @Override
        public ProviderUpload resume(UploadHandle handle) {
            return new Upload(this, handle);
        }

        @Override
        public List<PendingUpload> listPending(String bucket, String keyPrefix) {
            throw new org.chunkedupload.api.UnsupportedFeatureException("httpmem lists no pending uploads");
        }

        @Override
        public Optional<ObjectInfo> stat(String bucket, String key) {
            try {
                String[] r = call("/stat", new byte[0], "bucket", bucket, "key", key).split(" ");
                return Optional.of(new ObjectInfo(new ObjectTarget("httpmem", bucket, key), Long.parseLong(r[0]), r[1], null));
            } catch (NoSuchObjectException e) {
                return Optional.empty();
            }
        }

        @Override
        public InputStream read(String bucket, String key) {
            return new ByteArrayInputStream(callBytes("/read", new byte[0], "bucket", bucket, "key", key));
        }

        @Override
        public boolean delete(String bucket, String key) {
            return Boolean.parseBoolean(call("/delete", new byte[0], "bucket", bucket, "key", key));
        }

        @Override
        public void close() {
        }
    }

    private final class Upload implements ProviderUpload {
        private final Client c;
        private final UploadHandle handle;

        Upload(Client c, UploadHandle handle) {
            this.c = c;
            this.handle = handle;
        }

        private String inner() {
            return handle.uploadId();
        }

        @Override
        public UploadHandle handle() {
            return handle;
        }

        @Override
        public PartReceipt uploadPart(PartContent part) {
            byte[] body;
            try {
                body = part.body().readNBytes((int) part.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String n = Integer.toString(part.partNumber());
            try {
                return PartReceipt.parse(c.call("/part", body, "handle", inner(), "n", n));
            } catch (TransientStorageException e) {
                if (defect != Defect.NOT_RETRY_SAFE || !(e.getCause() instanceof IOException)) {
                    throw e;
                }
                // the defect: "resume" after the half that surely arrived, reporting the whole part
                PartReceipt rest = PartReceipt.parse(c.call("/part", Arrays.copyOfRange(body, body.length / 2, body.length),
                        "handle", inner(), "n", n));
                return new PartReceipt(rest.partNumber(), rest.token(), body.length, null);
            }
        }

        @Override
        public List<PartReceipt> listParts() {
            throw new org.chunkedupload.api.UnsupportedFeatureException("httpmem lists no parts");
        }

        @Override
        public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
            StringBuilder body = new StringBuilder();
            receipts.forEach(r -> body.append(new PartReceipt(r.partNumber(), r.token(), r.size(), null).serialize())
                    .append('\n'));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            String[] q = precondition.etag() == null ? new String[] {"handle", inner(), "pre", precondition.kind().name()}
                    : new String[] {"handle", inner(), "pre", precondition.kind().name(), "etag", precondition.etag()};
            String answer;
            try {
                answer = c.call("/complete", bytes, q);
            } catch (TransientStorageException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                if (defect == Defect.MISREPORTS_LOST_COMPLETE) {
                    throw new IllegalStateException("connection lost", e); // the defect: a raw exception
                }
                answer = c.call("/complete", bytes, q); // a transport retry: "no such upload" when the first one landed
            }
            String[] r = answer.split(" ");
            return new UploadResult(handle.target(), Long.parseLong(r[0]), r[1], null, null, receipts.size());
        }

        @Override
        public void abort() {
            c.call("/abort", new byte[0], "handle", inner());
        }
    }
}
