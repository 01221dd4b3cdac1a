package org.chunkedupload.jclouds;

import com.google.common.base.Function;
import com.google.common.base.Supplier;
import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Scopes;
import jakarta.inject.Named;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.jclouds.Constants;
import org.jclouds.http.HttpCommandExecutorService;
import org.jclouds.http.HttpRequest;
import org.jclouds.http.HttpUtils;
import org.jclouds.http.IOExceptionRetryHandler;
import org.jclouds.http.config.ConfiguresHttpCommandExecutorService;
import org.jclouds.http.config.SSLModule;
import org.jclouds.http.handlers.DelegatingErrorHandler;
import org.jclouds.http.handlers.DelegatingRetryHandler;
import org.jclouds.http.internal.HttpWire;
import org.jclouds.http.internal.JavaUrlHttpCommandExecutorService;
import org.jclouds.io.ContentMetadataCodec;

/**
 * jclouds' own HTTP transport, with one change: a request that names no {@code Accept} header sends
 * {@code Accept: *}{@code /*} instead of the JDK's default ({@code text/html, image/gif, image/jpeg, *;
 * q=.2}). With the JDK's default, S3Mock routes jclouds' {@code DELETE /key?uploadId=...} (abort) to
 * DeleteObject: the upload stays and an existing object at the key is deleted. Servers that route by
 * the query string, as S3 does, see no difference.
 */
@ConfiguresHttpCommandExecutorService
final class ExplicitAcceptModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new SSLModule());
        bind(HttpCommandExecutorService.class).to(Transport.class).in(Scopes.SINGLETON);
    }

    /** The JDK transport jclouds uses by default, with an explicit {@code Accept}. */
    static final class Transport extends JavaUrlHttpCommandExecutorService {
        @Inject
        Transport(HttpUtils utils, ContentMetadataCodec codec, DelegatingRetryHandler retryHandler,
                  IOExceptionRetryHandler ioRetryHandler, DelegatingErrorHandler errorHandler, HttpWire wire,
                  @Named("untrusted") HostnameVerifier verifier, @Named("untrusted") Supplier<SSLContext> untrusted,
                  Function<URI, Proxy> proxyForUri, @Named(Constants.PROPERTY_IDEMPOTENT_METHODS) String idempotentMethods,
                  @Named(Constants.PROPERTY_OUTPUT_SOCKET_BUFFER_SIZE) int outputSocketBufferSize,
                  @Named(Constants.PROPERTY_USER_AGENT) String userAgent) {
            super(utils, codec, retryHandler, ioRetryHandler, errorHandler, wire, verifier, untrusted, proxyForUri,
                    idempotentMethods, outputSocketBufferSize, userAgent);
        }

        @Override
        protected void configureRequestHeaders(HttpURLConnection connection, HttpRequest request) {
            super.configureRequestHeaders(connection, request);
            if (connection.getRequestProperty("Accept") == null) {
                connection.setRequestProperty("Accept", "*/*");
            }
        }
    }
}
