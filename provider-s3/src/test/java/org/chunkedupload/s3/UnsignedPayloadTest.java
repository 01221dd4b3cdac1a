package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code payload-signing=off} (and {@code auto} on a loopback endpoint) over plain HTTP: the SDK's own
 * signer would hash every part with SHA-256 there; ours sends {@code UNSIGNED-PAYLOAD} with the same
 * SigV4 signature it would carry over TLS, and never reads the body to sign it.
 */
class UnsignedPayloadTest {
    private static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final byte[] BODY = "seventeen bytes!!".getBytes(StandardCharsets.UTF_8);

    private static SdkHttpRequest put(String protocol, int port) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(protocol).host("127.0.0.1").port(port)
                .encodedPath("/bucket/key").putRawQueryParameter("partNumber", "1")
                .putRawQueryParameter("uploadId", "u-1").putHeader("Content-Length", String.valueOf(BODY.length))
                .putHeader("x-amz-checksum-crc32c", "AAAAAA==").build();
    }

    private static SignRequest<AwsCredentialsIdentity> request(SdkHttpRequest r, Boolean payloadSigning,
                                                               ContentStreamProvider body) {
        SignRequest.Builder<AwsCredentialsIdentity> b = SignRequest.builder(KEYS).request(r).payload(body)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, CLOCK)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false);
        if (payloadSigning != null) {
            b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
        }
        return b.build();
    }

    /** A body that counts how often the signer opened it. */
    private static final class CountingBody implements ContentStreamProvider {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public InputStream newStream() {
            opened.incrementAndGet();
            return new ByteArrayInputStream(BODY);
        }
    }

    @Test
    void overPlainHttpTheBodyIsNeitherHashedNorReadAndTheSignatureIsTheOneTlsWouldCarry() {
        for (int port : new int[] {9000, 80, 443}) {
            CountingBody body = new CountingBody();
            SignedRequest ours = new UnsignedPayloadSigner().sign(request(put("http", port), false, body));
            SdkHttpRequest sent = ours.request();
            assertEquals(0, body.opened.get(), "the signer must not read the part to sign it");
            assertEquals("UNSIGNED-PAYLOAD", sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
            assertEquals("http", sent.protocol());
            assertEquals(port, sent.port());
            String host = port == 80 ? "127.0.0.1" : "127.0.0.1:" + port; // what the HTTP client sends
            assertEquals(host, sent.firstMatchingHeader("Host").orElseThrow());

            // the SDK's own signer over TLS, same Host header: the same signature, byte for byte
            SdkHttpRequest tls = put("https", port).toBuilder().putHeader("Host", host).build();
            SignedRequest reference = AwsV4HttpSigner.create().sign(request(tls, false, new CountingBody()));
            assertEquals(reference.request().firstMatchingHeader("Authorization").orElseThrow(),
                    sent.firstMatchingHeader("Authorization").orElseThrow());
            assertTrue(sent.firstMatchingHeader("Authorization").orElseThrow()
                    .contains("SignedHeaders=content-length;host;x-amz-checksum-crc32c;x-amz-content-sha256;x-amz-date"));
        }
    }

    @Test
    void payloadSigningStaysWithTheSdkWhereverItIsAskedFor() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        for (Boolean signing : new Boolean[] {null, true}) {
            SignedRequest s = new UnsignedPayloadSigner().sign(request(put("http", 9000), signing, new CountingBody()));
            assertEquals(sha, s.request().firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        }
        SignedRequest tls = new UnsignedPayloadSigner().sign(request(put("https", 9443), false, new CountingBody()));
        assertEquals("UNSIGNED-PAYLOAD", tls.request().firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        assertEquals("https", tls.request().protocol());
    }

    /** On the wire: what a part request carries with each setting, seen by a loopback server. */
    @Test
    void aPartRequestCarriesUnsignedPayloadOnlyWhenTheSettingSaysOff() throws Exception {
        byte[] part = new byte[100_000];
        new java.util.Random(3).nextBytes(part);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(part));
        assertEquals("UNSIGNED-PAYLOAD", partHeaders(Map.of("payload-signing", "off"), part).get("x-amz-content-sha256"));
        assertEquals("UNSIGNED-PAYLOAD", partHeaders(Map.of(), part).get("x-amz-content-sha256"),
                "auto, and the endpoint is a loopback address");
        String how = partHeaders(Map.of("payload-signing", "sdk"), part).get("x-amz-content-sha256");
        assertTrue(how.equals(sha) || how.startsWith("STREAMING-"), "the SDK signs payloads over plain HTTP: " + how);
    }

    @Test
    void autoLeavesPayloadsUnsignedOnlyForLoopbackEndpoints() {
        for (String loopback : new String[] {"http://127.0.0.1:9090", "http://localhost:9000", "http://[::1]:9000",
                "http://127.8.0.3", "HTTP://LOCALHOST"}) {
            assertTrue(S3Settings.isLoopback(loopback), loopback);
        }
        for (String remote : new String[] {"http://10.0.0.5:9000", "http://minio.internal:9000", "http://128.0.0.1",
                "http://localhost.example.com", "http://[::2]:9000", "https://s3.eu-west-1.amazonaws.com"}) {
            assertTrue(!S3Settings.isLoopback(remote), remote);
        }
        assertTrue(!S3Settings.isLoopback(null), "no endpoint: AWS");
    }

    /** Sends one part to a recording server and returns the headers of the part request (lower-case names). */
    private static Map<String, String> partHeaders(Map<String, String> settings, byte[] part) throws Exception {
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket c = server.accept()) {
                        Map<String, String> h = readHead(c.getInputStream());
                        c.getInputStream().readNBytes(Integer.parseInt(h.getOrDefault("content-length", "0")));
                        seen.add(h);
                        c.getOutputStream().write(("HTTP/1.1 200 OK\r\nETag: \"e1\"\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            responder.setDaemon(true);
            responder.start();
            Map<String, String> all = new java.util.HashMap<>(Map.of("endpoint", "http://127.0.0.1:"
                    + server.getLocalPort(), "access-key-id", "a", "secret-access-key", "b", "expect-continue", "false",
                    "checksum-mode", "none"));
            all.putAll(settings);
            try (StorageBackend s3 = ProviderRegistry.load().open(BackendConfig.of("s3", all))) {
                ChunkedUploadSession s = s3.resume(UploadHandle.of("s3", "b", "k", "up-1"));
                assertEquals("\"e1\"", s.uploadPart(1, part).token());
            }
        }
        assertEquals(1, seen.size(), seen.toString());
        return seen.get(0);
    }

    private static Map<String, String> readHead(InputStream in) throws IOException {
        Map<String, String> h = new TreeMap<>();
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String l = line.toString().strip();
                line.setLength(0);
                if (l.isEmpty()) {
                    break;
                }
                if (first) {
                    h.put(":request", l);
                    first = false;
                } else {
                    int colon = l.indexOf(':');
                    h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        return h;
    }
}
