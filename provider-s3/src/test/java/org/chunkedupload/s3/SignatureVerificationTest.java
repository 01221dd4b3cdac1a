package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.tck.Payloads;
import org.chunkedupload.testsupport.LocalServer;
import org.chunkedupload.testsupport.PythonTool;
import org.chunkedupload.transfer.Uploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of signing a part is accepted by a server that checks SigV4 signatures: moto with IAM
 * authentication on ({@code INITIAL_NO_AUTH_ACTION_COUNT}), which recomputes each request's signature
 * from its signed headers. Unsigned payloads over plain HTTP are the case the SDK does not cover itself.
 */
class SignatureVerificationTest {
    /** Unauthenticated requests moto allows before it checks signatures: the three IAM calls of the setup. */
    private static final int SETUP_REQUESTS = 3;
    private static final String SETUP = """
            import boto3, json, sys
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                               aws_access_key_id="setup", aws_secret_access_key="setup")
            iam.create_user(UserName="uploader")
            key = iam.create_access_key(UserName="uploader")["AccessKey"]
            iam.put_user_policy(UserName="uploader", PolicyName="all", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
            print(key["AccessKeyId"], key["SecretAccessKey"])
            """;
    private static LocalServer moto;
    private static String keyId;
    private static String secret;

    @BeforeAll
    static void start() throws Exception {
        Path python = PythonTool.ensure(System.getProperty("moto.requirement"), "moto.server");
        int port = LocalServer.freePort();
        moto = LocalServer.start("moto-auth", List.of(python.toString(), "-m", "moto.server", "-H", "127.0.0.1", "-p",
                Integer.toString(port)), Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(SETUP_REQUESTS)), port,
                Duration.ofMinutes(2));
        Process p = new ProcessBuilder(python.toString(), "-c", SETUP, moto.url()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        String[] key = out.split("\\s+");
        keyId = key[0];
        secret = key[1];
        try (var c = S3Emulators.client(moto, keyId, secret)) { // authenticated from here on
            c.createBucket(r -> r.bucket("signed"));
        }
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static StorageBackend open(String secretKey, String signing) {
        return ProviderRegistry.load().open(BackendConfig.of("s3", Map.of("endpoint", moto.url(), "region",
                "us-east-1", "access-key-id", keyId, "secret-access-key", secretKey, "payload-signing", signing)));
    }

    @Test
    void unsignedAndSignedPayloadsPassTheServersSignatureCheck(@TempDir Path dir) throws Exception {
        byte[] data = new byte[11 * 1024 * 1024 + 3];
        new Random(9).nextBytes(data);
        Path src = Files.write(dir.resolve("src"), data);
        for (String signing : new String[] {"auto", "off", "sdk"}) {
            try (StorageBackend s3 = open(secret, signing)) {
                var r = Uploader.builder().partSize(5L << 20).concurrency(2).build()
                        .upload(s3, src, ObjectTarget.parse("s3://signed/" + signing));
                assertEquals(3, r.partCount(), signing);
                assertEquals(Payloads.sha256(List.of(data)), Payloads.sha256(s3.read("signed", signing)), signing);
            }
        }
    }

    @Test
    void theServerReallyChecks(@TempDir Path dir) throws Exception {
        Path src = Files.write(dir.resolve("src"), new byte[] {1, 2, 3});
        try (StorageBackend s3 = open("not-the-secret", "auto")) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> Uploader.builder().build()
                    .upload(s3, src, ObjectTarget.parse("s3://signed/wrong-key")));
            assertTrue(e.getMessage().contains("SignatureDoesNotMatch"), e.getMessage());
            assertTrue(e.getMessage().contains("check the credentials"), "the fix is named: " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().length() < 400 && !e.getMessage().contains("Exception"), e.getMessage());
        }
        try (StorageBackend s3 = open(secret, "auto")) {
            assertEquals(List.of(), s3.listPending("signed", "wrong-key"), "nothing was left on the store");
            assertTrue(s3.stat("signed", "wrong-key").isEmpty());
        }
    }
}
