package org.chunkedupload.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLInitializationException;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.http.apache.internal.conn.SdkTlsSocketFactory;
import software.amazon.awssdk.utils.Lazy;

/**
 * The TLS socket factory the SDK's Apache client builds by default, built on the first TLS
 * connection instead of when the client is built.
 *
 * <p>Building it initialises an {@link SSLContext} (the JDK's trust store, its security providers)
 * and Apache's host-name verifier (the public-suffix list): about a third of the Java code's
 * start-up samples of a {@code put} to a plain-HTTP endpoint, which never opens a TLS connection
 * (docs/benchmarks.md, "Start-up"). What is built is what the SDK builds by default: a TLS context
 * with the key managers of the {@code javax.net.ssl.keyStore} system properties, the JDK's trust
 * managers, and Apache's default host-name verifier.
 */
final class LazyTlsSocketFactory implements LayeredConnectionSocketFactory {
    private final Lazy<LayeredConnectionSocketFactory> delegate = new Lazy<>(LazyTlsSocketFactory::build);

    private static LayeredConnectionSocketFactory build() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(SystemPropertyTlsKeyManagersProvider.create().keyManagers(), null, null);
            return new SdkTlsSocketFactory(tls, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
        } catch (GeneralSecurityException e) {
            throw new SSLInitializationException(e.getMessage(), e); // what the SDK throws when it builds one
        }
    }

    /** @return whether the TLS context has been built (tests) */
    boolean built() {
        return delegate.hasValue();
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return delegate.getValue().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                                InetSocketAddress localAddress, HttpContext context) throws IOException {
        return delegate.getValue().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return delegate.getValue().createLayeredSocket(socket, target, port, context);
    }
}
