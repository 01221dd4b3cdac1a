package org.chunkedupload.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.chunkedupload.api.BackendConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The HTTP client the provider builds: plain-HTTP requests never build a TLS context, and the TLS
 * connections build the SDK's default one — certificates checked against the JDK's trust store.
 */
class LazyTlsSocketFactoryTest {
    @TempDir
    Path tmp;

    private static SdkHttpClient client(LazyTlsSocketFactory tls) {
        return S3Settings.from(BackendConfig.of(S3Provider.ID, Map.of("region", "us-east-1"))).httpClient(tls);
    }

    private static HttpExecuteResponse get(SdkHttpClient http, String url) throws IOException {
        SdkHttpRequest r = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(url)).build();
        return http.prepareRequest(HttpExecuteRequest.builder().request(r).build()).call();
    }

    /** A server answering one request per connection with 200 and no body. */
    private static Thread serve(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[8192];
                    int n = in.read(buf);
                    if (n > 0) {
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException closedOrHandshakeRefused) {
                    // the next connection, or the end of the test
                }
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void plainHttpNeverBuildsTheTlsContext() throws Exception {
        LazyTlsSocketFactory tls = new LazyTlsSocketFactory();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SdkHttpClient http = client(tls)) {
            serve(server);
            assertEquals(200, get(http, "http://127.0.0.1:" + server.getLocalPort() + "/").httpResponse().statusCode());
            assertFalse(tls.built(), "no TLS connection, no TLS context");
        }
    }

    @Test
    void tlsConnectionsCheckTheCertificateAgainstTheJdkTrustStore() throws Exception {
        Path keys = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), said);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keys.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        LazyTlsSocketFactory tls = new LazyTlsSocketFactory();
        try (ServerSocket server = serverTls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()); SdkHttpClient http = client(tls)) {
            serve(server);
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> get(http, "https://127.0.0.1:" + server.getLocalPort() + "/"));
            assertTrue(tls.built(), "built on the first TLS connection");
            assertTrue(String.valueOf(e.getMessage()).contains("PKIX"),
                    "a self-signed certificate the JDK does not trust is refused: " + e.getMessage());
        }
    }
}
