package org.chunkedupload.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * SigV4 that honours {@code payload-signing=off} (and {@code auto} on a loopback endpoint) over plain
 * HTTP too.
 *
 * <p>The SDK's signer hashes every request body with SHA-256 when the protocol is {@code http},
 * whatever {@link AwsV4FamilyHttpSigner#PAYLOAD_SIGNING_ENABLED} says (it only sends
 * {@code UNSIGNED-PAYLOAD} over TLS). That hash was most of this client's CPU on a loopback or LAN
 * endpoint. A SigV4 signature does not cover the scheme, so this signer fixes the {@code Host}
 * header as the plain-HTTP request will send it, signs the request as if it travelled over TLS (so
 * the signer takes the unsigned-payload path), and hands back the signed request with its original
 * scheme. Headers, query and signature are exactly those the server recomputes. Requests that ask
 * for payload signing, and every request over TLS, go to the SDK's signer unchanged.
 */
final class UnsignedPayloadSigner implements HttpSigner<AwsCredentialsIdentity> {
    private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest original = request.request();
        if (!needsRewrite(original, request.property(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED))) {
            return delegate.sign(request);
        }
        SignRequest<? extends AwsCredentialsIdentity> asTls = request.copy(b -> b.request(overTls(original)));
        SignedRequest signed = delegate.sign(asTls);
        return signed.copy(b -> b.request(signed.request().toBuilder().protocol(original.protocol())
                .port(original.port()).build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest original = request.request();
        if (!needsRewrite(original, request.property(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED))) {
            return delegate.signAsync(request);
        }
        return delegate.signAsync(request.copy(b -> b.request(overTls(original))))
                .thenApply(signed -> signed.copy(b -> b.request(signed.request().toBuilder()
                        .protocol(original.protocol()).port(original.port()).build())));
    }

    private static boolean needsRewrite(SdkHttpRequest r, Boolean payloadSigning) {
        return Boolean.FALSE.equals(payloadSigning) && "http".equalsIgnoreCase(r.protocol());
    }

    /** The same request with the Host header the plain-HTTP request carries, marked as TLS for the signer. */
    private static SdkHttpRequest overTls(SdkHttpRequest r) {
        SdkHttpRequest.Builder b = r.toBuilder();
        if (r.firstMatchingHeader("Host").isEmpty()) {
            b.putHeader("Host", SdkHttpUtils.isUsingStandardPort(r.protocol(), r.port())
                    ? r.host() : r.host() + ":" + r.port());
        }
        return b.protocol("https").port(r.port()).build();
    }
}
