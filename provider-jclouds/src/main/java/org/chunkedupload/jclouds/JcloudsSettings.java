package org.chunkedupload.jclouds;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.Durations;
import org.jspecify.annotations.Nullable;

/**
 * The bridge's settings, turned into what jclouds' {@code ContextBuilder} takes. The credential is
 * handed to jclouds and never kept in a handle, a log line or {@link #toString()}.
 *
 * @param jcloudsId the jclouds provider or api id
 * @param endpoint the endpoint, or {@code null} for the jclouds provider's own
 * @param identity the identity, or {@code null}
 * @param credential the credential, or {@code null}
 * @param basedir for {@code filesystem}: the directory holding the containers
 * @param properties the jclouds properties: pass-through ones, the timeouts, the base directory
 */
record JcloudsSettings(String jcloudsId, @Nullable String endpoint, @Nullable String identity,
                       @Nullable String credential, @Nullable Path basedir, Properties properties) {
    static final ConfigKey PROVIDER = new ConfigKey("jclouds.provider", "the jclouds provider or api id: transient,"
            + " filesystem, s3 (any S3-compatible endpoint) are included; aws-s3, openstack-swift, b2, azureblob, ..."
            + " need their jclouds jar on the class path", null, false);
    static final ConfigKey ENDPOINT = new ConfigKey("endpoint", "the store's URL, e.g. http://127.0.0.1:9090 for"
            + " an S3-compatible server (default: the jclouds provider's own)", null, false);
    static final ConfigKey IDENTITY = new ConfigKey("identity", "the account or access key id", null, false);
    static final ConfigKey CREDENTIAL = new ConfigKey("credential", "the secret key or password; prefer the"
            + " environment variable CHUNKED_UPLOAD_JCLOUDS_CREDENTIAL to a file", null, true);
    static final ConfigKey BASEDIR = new ConfigKey("filesystem.basedir", "for jclouds.provider=filesystem: the"
            + " directory holding one sub-directory per bucket (container); nothing outside it is written", null, false);
    static final ConfigKey PROPERTIES = new ConfigKey("jclouds.*", "any other jclouds property, passed through"
            + " (e.g. jclouds.max-retries=3, jclouds.s3.signer-version=4); not for secrets", null, false);
    static final List<ConfigKey> KEYS = List.of(PROVIDER, ENDPOINT, IDENTITY, CREDENTIAL, BASEDIR,
            ConfigKey.CONNECT_TIMEOUT, ConfigKey.READ_TIMEOUT, PROPERTIES);

    static JcloudsSettings from(BackendConfig config) {
        Map<String, String> s = config.settings();
        String id = s.get(PROVIDER.name());
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("setting 'jclouds.provider' is missing: name the jclouds store, e.g."
                    + " -o jclouds.provider=filesystem -o filesystem.basedir=/data/blobs, or jclouds.provider=s3 with"
                    + " endpoint, identity and credential");
        }
        Properties p = new Properties();
        s.forEach((k, v) -> {
            if (PROPERTIES.admits(k) && !k.equals(PROVIDER.name())) {
                p.setProperty(k, v);
            }
        });
        p.setProperty("jclouds.connection-timeout", Long.toString(duration(s, ConfigKey.CONNECT_TIMEOUT)));
        p.setProperty("jclouds.so-timeout", Long.toString(duration(s, ConfigKey.READ_TIMEOUT)));
        Path basedir = null;
        if (id.strip().equals("filesystem")) {
            String dir = s.get(BASEDIR.name());
            if (dir == null || dir.isBlank()) {
                throw new ConfigurationException("setting 'filesystem.basedir' is missing: jclouds.provider=filesystem"
                        + " needs the directory that holds the buckets, e.g. -o filesystem.basedir=/data/blobs");
            }
            basedir = Path.of(dir).toAbsolutePath().normalize();
            p.setProperty("jclouds.filesystem.basedir", basedir.toString());
        } else if (s.get(BASEDIR.name()) != null) {
            throw new ConfigurationException("setting 'filesystem.basedir' applies only to jclouds.provider=filesystem,"
                    + " not to '" + id + "': remove it");
        }
        return new JcloudsSettings(id.strip(), blankToNull(s.get(ENDPOINT.name())), blankToNull(s.get(IDENTITY.name())),
                blankToNull(s.get(CREDENTIAL.name())), basedir, p);
    }

    private static long duration(Map<String, String> s, ConfigKey key) {
        String v = s.getOrDefault(key.name(), key.defaultValue());
        try {
            return Durations.parse(v).toMillis();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("setting '" + key.name() + "' is '" + v + "', which is not a duration:"
                    + " use e.g. 500ms, 10s or 1m", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** @return the store family, for capabilities and fences */
    StoreKind kind() {
        return StoreKind.of(jcloudsId);
    }

    @Override
    public String toString() {
        return "jclouds " + jcloudsId + (endpoint == null ? "" : " at " + endpoint)
                + (basedir == null ? "" : " in " + basedir);
    }
}
