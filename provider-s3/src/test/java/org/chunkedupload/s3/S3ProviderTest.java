package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.TransientStorageException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3-specific behaviour on a real server (moto): pagination, the lifecycle backstop; and a 200 that carries an error. */
class S3ProviderTest {
    private static LocalServer moto;

    @BeforeAll
    static void start() {
        moto = S3Emulators.moto();
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    private static StorageBackend open(Map<String, String> extra) {
        Map<String, String> m = new java.util.HashMap<>(S3Emulators.config(moto).settings());
        m.putAll(extra);
        return ProviderRegistry.load().open(BackendConfig.of("s3", m));
    }

    @Test
    void listPartsFollowsPaginationBeyondAThousandParts() {
        try (StorageBackend s3 = open(Map.of())) {
            ChunkedUploadSession s = s3.initiate(ObjectTarget.parse("s3://tck/pagination/parts"));
            List<PartReceipt> sent = new ArrayList<>();
            for (int n = 1; n <= 1001; n++) {
                sent.add(s.uploadPart(n, new byte[] {(byte) n}));
            }
            List<PartReceipt> listed = s.listParts();
            assertEquals(1001, listed.size());
            assertEquals(sent.get(1000).token(), listed.get(1000).token());
            s.abort();
        }
    }

    @Test
    void listPendingFollowsPaginationBeyondAThousandUploads() {
        try (StorageBackend s3 = open(Map.of("pending-bytes", "false"))) {
            List<ChunkedUploadSession> started = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                started.add(s3.initiate(ObjectTarget.parse("s3://tck/pagination/uploads/" + (i % 7))));
            }
            assertEquals(1001, s3.listPending("tck", "pagination/uploads/").size());
            started.forEach(ChunkedUploadSession::abort);
            assertEquals(0, s3.listPending("tck", "pagination/uploads/").size());
        }
    }

    /** Parts from re-openable sources, sent as UNSIGNED-PAYLOAD: the SDK reads each body more than once. */
    @Test
    void unsignedPayloadsUploadByteExactThroughTheEngine() throws Exception {
        for (String signing : new String[] {"sdk", "off"}) {
            try (StorageBackend s3 = open(Map.of("payload-signing", signing))) {
                byte[] data = new byte[12 * 1024 * 1024 + 77];
                new java.util.Random(5).nextBytes(data);
                java.nio.file.Path f = java.nio.file.Files.createTempFile("unsigned", ".bin");
                java.nio.file.Files.write(f, data);
                var r = org.chunkedupload.transfer.Uploader.builder().partSize(5L << 20).concurrency(3).build()
                        .upload(s3, f, ObjectTarget.parse("s3://tck/unsigned/" + signing));
                assertEquals(3, r.partCount());
                assertEquals(org.chunkedupload.tck.Payloads.sha256(List.of(data)),
                        org.chunkedupload.tck.Payloads.sha256(s3.read("tck", "unsigned/" + signing)));
                java.nio.file.Files.delete(f);
            }
        }
    }

    @Test
    void theLifecycleBackstopIsInstalledAndChecked() {
        try (S3Backend backend = new S3Backend(S3Settings.from(S3Emulators.config(moto)))) {
            S3Backstop lc = new S3Backstop(backend);
            assertEquals(Optional.empty(), lc.abortIncompleteDays("tck", "videos/"));
            lc.installAbortIncomplete("tck", "videos/", 7);
            assertEquals(Optional.of(7), lc.abortIncompleteDays("tck", "videos/2026/"));
            lc.installAbortIncomplete("tck", "videos/", 3);
            assertEquals(Optional.of(3), lc.abortIncompleteDays("tck", "videos/"));
            assertEquals(Optional.empty(), lc.abortIncompleteDays("tck", "other/"));
        }
    }

    @Test
    void theProvidersBackstopInstallsAndChecksThatRuleForTheCli() {
        try (var store = org.chunkedupload.api.ProviderRegistry.load().open(S3Emulators.config(moto))) {
            var backstop = store.backstop().orElseThrow();
            assertTrue(!backstop.check("tck", "music/", java.time.Duration.ofDays(2)).inPlace());
            var s = backstop.install("tck", "music/", java.time.Duration.ofDays(2));
            assertTrue(s.inPlace() && s.description().contains("2 day(s)"), s.description());
            assertTrue(!backstop.check("tck", "music/", java.time.Duration.ofDays(1)).inPlace(), "2 days > 1 day");
            assertThrows(IllegalArgumentException.class, () -> backstop.check("tck", "", java.time.Duration.ofHours(5)),
                    "S3 rules count whole days");
        }
    }

    /** S3 may answer CompleteMultipartUpload with 200 OK and an error in the body; that is an error. */
    @Test
    void aCompleteAnsweredWith200AndAnErrorBodyIsAnError() throws Exception {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
                + "<Message>We encountered an internal error. Please try again.</Message>"
                + "<RequestId>R200</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        ServerSocket fake = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread responder = new Thread(() -> {
            while (!fake.isClosed()) {
                try (Socket c = fake.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    int length = 0;
                    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    c.getOutputStream().write(body);
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        responder.setDaemon(true);
        responder.start();
        try (StorageBackend s3 = ProviderRegistry.load().open(BackendConfig.of("s3", Map.of("endpoint",
                "http://127.0.0.1:" + fake.getLocalPort(), "access-key-id", "a", "secret-access-key", "b")))) {
            ChunkedUploadSession s = s3.resume(UploadHandle.of("s3", "b", "k", "up-1"));
            TransientStorageException e = assertThrows(TransientStorageException.class,
                    () -> s.complete(List.of(new PartReceipt(1, "\"etag\"", 1, null))));
            assertTrue(e.getMessage().contains("InternalError") && e.retryable(), e.getMessage());
        } finally {
            fake.close();
        }
    }
}
