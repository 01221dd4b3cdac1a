package org.chunkedupload.s3;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ConfigKey;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;

/**
 * The settings of the S3 provider, and the clients built from them. Credentials come from explicit
 * settings, a named profile, or the SDK's default chain (environment, system properties, profile,
 * container and instance roles); they are never logged or written anywhere.
 *
 * <p>The SDK's automatic request checksums ({@code WHEN_SUPPORTED}, default since 2.30) are turned
 * off ({@code WHEN_REQUIRED}): many S3-compatible servers reject their aws-chunked trailers.
 * Integrity is instead explicit: with {@code checksum-mode=full-object-crc32c} (default) an upload
 * is created with a full-object CRC-32C, each part carries the CRC-32C the engine computed, and
 * complete sends the object's CRC-32C combined from the parts, which S3 verifies and reports back.
 *
 * <p>Payload signing: over plain HTTP the SDK hashes every part with SHA-256 for its signature. With
 * {@code payload-signing=off}, and by default for a loopback endpoint, parts go as
 * {@code UNSIGNED-PAYLOAD} (the request itself stays signed; see {@link UnsignedPayloadSigner}).
 */
record S3Settings(String endpoint, Region region, boolean pathStyle, AwsCredentialsProvider credentials,
                  int maxConnections, Duration connectTimeout, Duration socketTimeout, boolean fullObjectCrc32c,
                  boolean pendingBytes, boolean payloadSigning, boolean expectContinue, boolean zeroCopy,
                  S3ObjectSettings objects) {

    /** SigV4 whose signer sends UNSIGNED-PAYLOAD over plain HTTP too (see {@link UnsignedPayloadSigner}). */
    private static final AuthScheme<AwsCredentialsIdentity> UNSIGNED_PAYLOAD_SIGV4 = new AuthScheme<>() {
        private final UnsignedPayloadSigner signer = new UnsignedPayloadSigner();

        @Override
        public String schemeId() {
            return AwsV4AuthScheme.SCHEME_ID;
        }

        @Override
        public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
            return providers.identityProvider(AwsCredentialsIdentity.class);
        }

        @Override
        public HttpSigner<AwsCredentialsIdentity> signer() {
            return signer;
        }
    };

    static final List<ConfigKey> KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new ConfigKey("endpoint", "endpoint URL of an S3-compatible server (default: AWS for the region)", null, false),
            new ConfigKey("region", "AWS region (default: the SDK's region chain; us-east-1 with an endpoint)", null, false),
            new ConfigKey("path-style", "path-style bucket addressing (default: true with an endpoint, else false)", null, false),
            new ConfigKey("access-key-id", "access key id (default: the SDK's credential chain)", null, true),
            new ConfigKey("secret-access-key", "secret access key, with access-key-id", null, true),
            new ConfigKey("session-token", "session token of temporary credentials", null, true),
            new ConfigKey("profile", "named profile from ~/.aws/config and ~/.aws/credentials", null, false),
            new ConfigKey("max-connections", "HTTP connection pool size", "64", false),
            ConfigKey.CONNECT_TIMEOUT,
            new ConfigKey("socket-timeout", "longest silence of the server within one request (a duration)", "30s", false),
            new ConfigKey("checksum-mode", "full-object-crc32c (S3 verifies part and object CRC-32C) or none",
                    "full-object-crc32c", false),
            new ConfigKey("pending-bytes", "listPending also sums each upload's parts (one ListParts per upload)",
                    "true", false),
            new ConfigKey("payload-signing", "auto (off for a loopback endpoint, where no one sits on the path,"
                    + " else sdk), sdk (the SDK's choice: over plain HTTP every part is hashed with SHA-256 and sent"
                    + " aws-chunked; over TLS unsigned) or off (UNSIGNED-PAYLOAD over HTTP and HTTPS: for trusted"
                    + " networks; integrity then rests on the CRC-32C the server verifies)", "auto", false),
            new ConfigKey("expect-continue", "send 'Expect: 100-continue' with each part, so that a server refusing the"
                    + " request says so before the body travels (the SDK's default); false saves a round trip per part",
                    "true", false),
            new ConfigKey("zero-copy", "true: over plain HTTP, with no proxy set, a part read from a local file goes from"
                    + " the page cache to the socket with sendfile, never copied into the JVM, when the server verifies its"
                    + " CRC-32C (checksum-mode full-object-crc32c) and its payload is unsigned; false: every request goes"
                    + " through the SDK's Apache client", "true", false)), S3ObjectSettings.KEYS.stream()).toList();

    static S3Settings from(BackendConfig c) {
        String endpoint = c.getUrl("endpoint", "http://127.0.0.1:9090").orElse(null);
        Region region;
        if (c.get("region").isPresent()) {
            region = Region.of(c.get("region").get());
        } else if (endpoint != null) {
            region = Region.US_EAST_1;
        } else {
            try {
                region = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (RuntimeException e) {
                throw new ConfigurationException("no AWS region: set 'region' (or AWS_REGION)", e);
            }
        }
        boolean pathStyle = c.getBoolean("path-style", endpoint != null);
        AwsCredentialsProvider creds;
        if (c.get("access-key-id").isPresent()) {
            String secret = c.get("secret-access-key").orElseThrow(() -> new ConfigurationException(
                    "setting 'access-key-id' of provider s3 needs 'secret-access-key' too"));
            creds = StaticCredentialsProvider.create(c.get("session-token")
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                            t -> AwsSessionCredentials.create(c.get("access-key-id").get(), secret, t))
                    .orElseGet(() -> AwsBasicCredentials.create(c.get("access-key-id").get(), secret)));
        } else if (c.get("profile").isPresent()) {
            creds = ProfileCredentialsProvider.create(c.get("profile").get());
        } else {
            creds = DefaultCredentialsProvider.builder().build();
        }
        String mode = c.get("checksum-mode").orElse("full-object-crc32c").toLowerCase(Locale.ROOT);
        if (!mode.equals("full-object-crc32c") && !mode.equals("none")) {
            throw new ConfigurationException("setting 'checksum-mode' of provider s3 must be full-object-crc32c or none, got '"
                    + mode + "'");
        }
        String signing = c.get("payload-signing").orElse("auto").trim().toLowerCase(Locale.ROOT);
        boolean payloadSigning = switch (signing) {
            case "sdk" -> true;
            case "off" -> false;
            case "auto" -> !isLoopback(endpoint);
            default -> throw new ConfigurationException("setting 'payload-signing' of provider s3 must be auto, sdk or off,"
                    + " got '" + signing + "'");
        };
        return new S3Settings(endpoint, region, pathStyle, creds, c.getPositiveInt("max-connections", 64),
                c.getDuration("connect-timeout", Duration.ofSeconds(10)), c.getDuration("socket-timeout", Duration.ofSeconds(30)),
                mode.equals("full-object-crc32c"), c.getBoolean("pending-bytes", true), payloadSigning,
                c.getBoolean("expect-continue", true), c.getBoolean("zero-copy", true), S3ObjectSettings.from(c));
    }

    /**
     * Whether an endpoint names this machine by a loopback literal or {@code localhost} (no DNS lookup:
     * a name that merely resolves to a loopback address does not count).
     */
    static boolean isLoopback(String endpoint) {
        if (endpoint == null) {
            return false;
        }
        String host = URI.create(endpoint).getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    SdkHttpClient httpClient() {
        return httpClient(new LazyTlsSocketFactory());
    }

    /**
     * @param tls the TLS socket factory, built on the first TLS connection
     * @return the SDK's Apache client, wrapped in {@link ZeroCopyHttpClient} where file parts may bypass it
     */
    SdkHttpClient httpClient(LazyTlsSocketFactory tls) {
        SdkHttpClient apache = ApacheHttpClient.builder().maxConnections(maxConnections).connectionTimeout(connectTimeout)
                .socketTimeout(socketTimeout).expectContinueEnabled(expectContinue).socketFactory(tls).build();
        boolean plainHttp = endpoint != null && endpoint.regionMatches(true, 0, "http:", 0, 5);
        return zeroCopy && fullObjectCrc32c && plainHttp && !ZeroCopyHttpClient.proxyConfigured()
                ? new ZeroCopyHttpClient(apache, connectTimeout, socketTimeout, expectContinue, maxConnections) : apache;
    }

    /**
     * @param http the shared HTTP client
     * @param retries whether the SDK retries requests itself (not for part uploads: a part body is
     *     read once, and the engine retries the part from its source)
     */
    S3Client client(SdkHttpClient http, boolean retries) {
        var b = S3Client.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(expectContinue).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> {
                    if (retries) {
                        o.retryStrategy(RetryMode.STANDARD);
                    } else {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                });
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        if (!payloadSigning) {
            S3AuthSchemeProvider dflt = S3AuthSchemeProvider.defaultProvider();
            b.authSchemeProvider(params -> dflt.resolveAuthScheme(params).stream()
                    .map(o -> o.toBuilder().putSignerProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                            .putSignerProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false).build())
                    .toList());
            b.putAuthScheme(UNSIGNED_PAYLOAD_SIGV4);
        }
        return b.build();
    }

    /**
     * @param provider credentials to sign with instead of those the settings name
     * @return these settings with them
     */
    S3Settings withCredentials(AwsCredentialsProvider provider) {
        return new S3Settings(endpoint, region, pathStyle, provider, maxConnections, connectTimeout, socketTimeout,
                fullObjectCrc32c, pendingBytes, payloadSigning, expectContinue, zeroCopy, objects);
    }
}
