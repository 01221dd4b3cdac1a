package org.chunkedupload.gcs;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ConfigKey;

/**
 * The settings of the GCS provider, and the client built from them. Credentials are Application
 * Default Credentials, a service-account key file, or none (emulators); they are never logged or
 * written anywhere.
 *
 * @param host the JSON API endpoint, or {@code null} for Google's
 * @param project the project id, or {@code null} to let the client find it
 * @param credentials {@code default}, {@code none} or a key file path
 * @param tempPrefix the object-name prefix under which upload records and temporary parts live
 * @param concurrency parallel compose and delete calls within one complete or abort
 * @param pendingBytes whether {@code listPending} sums the bytes each upload holds
 * @param connectTimeoutMillis connect timeout
 * @param readTimeoutMillis read timeout
 */
record GcsSettings(String host, String project, String credentials, String tempPrefix, int concurrency,
                   boolean pendingBytes, int connectTimeoutMillis, int readTimeoutMillis) {

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("host", "JSON API endpoint, e.g. http://127.0.0.1:4443 for fake-gcs-server"
                    + " (default: Google's)", null, false),
            new ConfigKey("project", "project id (default: from the credentials or the environment)", null, false),
            new ConfigKey("credentials", "default (Application Default Credentials), none (anonymous, for emulators)"
                    + " or the path of a service-account key file (default: none with a host, else default)",
                    null, false),
            new ConfigKey("temp-prefix", "object-name prefix of upload records and temporary parts; a lifecycle"
                    + " delete rule on it is the backstop for abandoned uploads", GcsNames.DEFAULT_PREFIX, false),
            new ConfigKey("concurrency", "parallel compose and delete calls within one complete or abort", "8", false),
            new ConfigKey("pending-bytes", "listPending also sums the bytes each upload holds (one listing per upload)",
                    "true", false),
            ConfigKey.CONNECT_TIMEOUT,
            ConfigKey.READ_TIMEOUT);

    static GcsSettings from(BackendConfig c) {
        String host = c.getUrl("host", "http://127.0.0.1:4443").orElse(null);
        String credentials = c.get("credentials").orElse(host == null ? "default" : "none");
        if (!credentials.equals("default") && !credentials.equals("none") && !Files.isReadable(Path.of(credentials))) {
            throw new ConfigurationException("setting 'credentials' of provider gs must be default, none or a readable"
                    + " service-account key file; cannot read '" + credentials + "'");
        }
        String prefix = c.get("temp-prefix").orElse(GcsNames.DEFAULT_PREFIX);
        if (prefix.isEmpty() || !prefix.endsWith("/") || prefix.startsWith("/") || prefix.length() > 200) {
            throw new ConfigurationException("setting 'temp-prefix' of provider gs must be a non-empty object-name"
                    + " prefix ending in '/' (at most 200 characters), got '" + prefix + "'");
        }
        return new GcsSettings(host, c.get("project").orElse(null), credentials, prefix,
                c.getPositiveInt("concurrency", 8), c.getBoolean("pending-bytes", true),
                (int) c.getDuration("connect-timeout", java.time.Duration.ofSeconds(10)).toMillis(),
                (int) c.getDuration("read-timeout", java.time.Duration.ofSeconds(30)).toMillis());
    }

    /**
     * A client for these settings; with retries on, it retries a failed call at most twice.
     *
     * @param retries whether the client library retries failed calls; off for part uploads, whose
     *     body streams once: the engine retries a part with a fresh body
     * @param credentialsOverride the application's credentials, or null for those the settings name
     * @return a client for these settings
     */
    Storage client(boolean retries, Credentials credentialsOverride) {
        StorageOptions.Builder b = StorageOptions.http()
                .setTransportOptions(HttpTransportOptions.newBuilder().setConnectTimeout(connectTimeoutMillis)
                        .setReadTimeout(readTimeoutMillis).build())
                .setCredentials(credentialsOverride != null ? credentialsOverride : googleCredentials());
        if (host != null) {
            b.setHost(host);
        }
        if (project != null) {
            b.setProjectId(project);
        } else if (credentials.equals("none")) {
            b.setProjectId("chunked-upload"); // buckets and objects need no project; the client wants one
        }
        // at most 3 attempts (the library's default is 6 within 50 s): a silent server fails a call within about
        // three read timeouts; part uploads get one attempt, the engine retries them with a fresh body
        b.setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder().setMaxAttempts(retries ? 3 : 1).build());
        return b.build().getService();
    }

    private Credentials googleCredentials() {
        if (credentials.equals("none")) {
            return NoCredentials.getInstance();
        }
        try {
            if (credentials.equals("default")) {
                return GoogleCredentials.getApplicationDefault();
            }
            try (InputStream in = Files.newInputStream(Path.of(credentials))) {
                return GoogleCredentials.fromStream(in);
            }
        } catch (IOException e) {
            throw new ConfigurationException("provider gs found no usable credentials (" + e.getMessage() + "): run"
                    + " 'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS, or set"
                    + " 'credentials' to a key file (or to none for an emulator)", e);
        }
    }
}
