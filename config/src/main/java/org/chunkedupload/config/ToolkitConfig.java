package org.chunkedupload.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChecksumPolicy;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.Durations;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ProviderInfo;
import org.jspecify.annotations.Nullable;

/**
 * The whole configuration of an application or a CLI call: which provider, its settings, the
 * default bucket, and the transfer settings. Built from one properties file plus environment
 * variables, so that the same code uploads to fs, S3, GCS or Azure by changing configuration only:
 * <pre>
 * provider = s3                     # fs, s3, gs, az or any installed provider
 * bucket = backups                  # default bucket for key-only targets
 * s3.endpoint = http://127.0.0.1:9090   # &lt;provider&gt;.&lt;setting&gt;, see 'chunked-upload providers'
 * s3.region = eu-west-1
 * part-size = 16MiB                 # default: automatic
 * concurrency = 8                   # default 4
 * checksum = auto                   # auto, none, crc32c, crc32, md5, sha256
 * retries = 5                       # per part, with exponential back-off and full jitter:
 * retry-base-delay = 200ms          #   the first ceiling,
 * retry-max-delay = 20s             #   the largest one,
 * retry-deadline = 1h               #   and no retry starts later than this into the transfer
 * stall-timeout = 2m                # fail when nothing moves for this long (a silent server)
 * journal-dir = /var/lib/chunked-upload/journals   # default: no resume journals
 * </pre>
 * Environment variables override the file: {@code CHUNKED_UPLOAD_PROVIDER}, {@code CHUNKED_UPLOAD_BUCKET},
 * {@code CHUNKED_UPLOAD_PART_SIZE}, ... and {@code CHUNKED_UPLOAD_<PROVIDER>_<SETTING>} (upper case,
 * '-' as '_'), which is where secrets belong. Settings for several providers may sit in one file;
 * only those of the selected provider are used. An unknown key or an invalid value fails at load
 * time with a message naming the key; {@link #describe()} masks secrets.
 */
public final class ToolkitConfig {
    /** Top-level keys. */
    public static final List<String> KEYS = List.of("provider", "bucket", "part-size", "concurrency", "checksum",
            "retries", "retry-base-delay", "retry-max-delay", "retry-deadline", "journal-dir", "stall-timeout");
    private static final String ENV = "CHUNKED_UPLOAD_";

    private final String provider;
    private final String bucket;
    private final Map<String, String> settings;
    private final TransferSettings transfer;
    private final ProviderRegistry registry;
    private final Map<String, String> sources;

    private ToolkitConfig(String provider, String bucket, Map<String, String> settings, TransferSettings transfer,
                          ProviderRegistry registry, Map<String, String> sources) {
        this.provider = provider;
        this.bucket = bucket;
        this.settings = Map.copyOf(settings);
        this.transfer = transfer;
        this.registry = registry;
        this.sources = Map.copyOf(sources);
    }

    /**
     * Loads a configuration file, then applies the environment.
     *
     * @param file a properties file (UTF-8), or {@code null} for the environment alone
     * @param env the environment, e.g. {@link System#getenv()}
     * @param registry the installed providers
     * @return the configuration
     * @throws ConfigurationException naming the key, for an unknown key or an invalid value
     */
    public static ToolkitConfig load(@Nullable Path file, Map<String, String> env, ProviderRegistry registry) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new TreeMap<>();
        String where = file == null ? "the environment" : file.toString();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ConfigurationException("no configuration file at " + file + ": check the path given to --config", e);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ConfigurationException("configuration file " + file + " is not UTF-8 text: save it as UTF-8", e);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read configuration file " + file + " (" + e.getMessage()
                        + "): check its path and permissions", e);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("configuration file " + file + " is damaged (" + e.getMessage()
                        + "): a backslash starts an escape such as \\u0041; write \\\\ for a backslash", e);
            }
            for (String k : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
                values.put(k, p.getProperty(k).trim());
                sources.put(k, file.getFileName().toString());
            }
        }
        return of(values, sources, where, env, registry);
    }

    /**
     * Reads a configuration from key-value pairs with the keys of the file (e.g. bound from a Spring
     * {@code Environment} under {@code chunked-upload.}); the environment overrides them as it
     * overrides a file.
     *
     * @param settings the keys and values, as in a configuration file
     * @param where what they came from, for messages (e.g. "the application properties")
     * @param env the environment
     * @param registry the installed providers
     * @return the configuration
     * @throws ConfigurationException naming the key, for an unknown key or an invalid value
     */
    public static ToolkitConfig of(Map<String, String> settings, String where, Map<String, String> env,
                                   ProviderRegistry registry) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new TreeMap<>();
        settings.forEach((k, v) -> {
            values.put(k, v.trim());
            sources.put(k, where);
        });
        return of(values, sources, where, env, registry);
    }

    private static ToolkitConfig of(Map<String, String> values, Map<String, String> sources, String where,
                                    Map<String, String> env, ProviderRegistry registry) {
        for (String k : KEYS) {
            String v = env.get(ENV + k.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (v != null) {
                values.put(k, v.trim());
                sources.put(k, "environment");
            }
        }
        String provider = values.get("provider");
        if (provider == null || provider.isBlank()) {
            throw new ConfigurationException("no 'provider' in " + where + ": set provider = fs, s3, gs, az (or"
                    + " CHUNKED_UPLOAD_PROVIDER); installed: " + ids(registry));
        }
        // provider settings of every installed provider may appear; only known keys are accepted
        Map<String, String> settings = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            if (KEYS.contains(k)) {
                continue;
            }
            int dot = k.indexOf('.');
            ProviderInfo p = dot < 0 ? null : registry.find(k.substring(0, dot)).orElse(null);
            if (p == null) {
                throw new ConfigurationException("unknown key '" + k + "' in " + where + ": use one of " + KEYS
                        + " or <provider>.<setting> for an installed provider (" + ids(registry) + ")");
            }
            String name = k.substring(dot + 1);
            if (!p.accepts(name)) {
                throw new ConfigurationException("unknown key '" + k + "' in " + where + ": provider " + p.id()
                        + " has settings " + p.configKeys().stream().map(ConfigKey::name).toList());
            }
            if (p.id().equals(provider)) {
                settings.put(name, values.get(k));
            }
        }
        ProviderInfo selected = registry.find(provider).orElseThrow(() -> new ConfigurationException(
                "'provider' is '" + provider + "', which is not installed: installed are " + ids(registry)));
        selected.settingsFrom(env).forEach((name, v) -> {
            settings.put(name, v);
            sources.put(provider + "." + name, "environment");
        });
        TransferSettings transfer;
        try {
            TransferSettings d = TransferSettings.DEFAULTS;
            transfer = new TransferSettings(
                    values.containsKey("part-size") ? ByteSizes.parse(values.get("part-size")) : d.partSize(),
                    integer(values, "concurrency", d.concurrency()), values.containsKey("checksum") ? ChecksumPolicy.parse(values.get("checksum")) : d.checksum(),
                    integer(values, "retries", d.retries()), duration(values, "retry-base-delay", d.retryBaseDelay()),
                    duration(values, "retry-max-delay", d.retryMaxDelay()),
                    duration(values, "retry-deadline", d.retryDeadline()),
                    values.containsKey("journal-dir") ? Path.of(values.get("journal-dir")) : d.journalDir(),
                    duration(values, "stall-timeout", d.stallTimeout()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid value in " + where + ": " + e.getMessage(), e);
        }
        return new ToolkitConfig(provider, values.get("bucket"), settings, transfer, registry, sources);
    }

    private static int integer(Map<String, String> values, String key, int dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + v + "'");
        }
    }

    private static java.time.Duration duration(Map<String, String> values, String key, java.time.Duration dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }

    private static String ids(ProviderRegistry registry) {
        return String.join(", ", registry.providers().stream().map(ProviderInfo::id).sorted().toList());
    }

    /** @return the selected provider's id */
    public String provider() {
        return provider;
    }

    /** @return the default bucket, or {@code null} */
    public @Nullable String bucket() {
        return bucket;
    }

    /** @return the selected provider's settings (secrets included: never print them, use {@link #describe()}) */
    public BackendConfig backendConfig() {
        return BackendConfig.of(provider, settings);
    }

    /** @return the transfer settings */
    public TransferSettings transfer() {
        return transfer;
    }

    /**
     * Opens the configured store; the provider validates its settings here.
     *
     * @return a backend the caller closes
     */
    public StorageBackend openBackend() {
        return registry.open(backendConfig());
    }

    /**
     * @param key an object key
     * @return the target {@code provider://bucket/key}
     * @throws ConfigurationException when no default bucket is configured
     */
    public ObjectTarget target(String key) {
        if (bucket == null || bucket.isBlank()) {
            throw new ConfigurationException("no 'bucket' configured: set bucket = NAME (or CHUNKED_UPLOAD_BUCKET), or"
                    + " give a full target scheme://bucket/key");
        }
        return new ObjectTarget(provider, bucket, Objects.requireNonNull(key, "key"));
    }

    /**
     * One effective setting.
     *
     * @param key the configuration key (a provider's settings as {@code <provider>.<setting>})
     * @param value the value, {@code ****} for a secret
     * @param source where it came from: the file's name, {@code environment}, or {@code default}
     */
    public record Entry(String key, String value, String source) {
    }

    /** @return the effective configuration, secrets masked as {@code ****} */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        out.add(entry("provider", provider));
        out.add(entry("bucket", bucket == null ? "(none)" : bucket));
        ProviderInfo p = registry.require(provider);
        for (ConfigKey c : p.configKeys()) {
            for (Map.Entry<String, String> e : settings.entrySet()) { // a namespace key admits several
                if (c.admits(e.getKey()) && p.key(e.getKey()).orElseThrow() == c) {
                    out.add(entry(provider + "." + e.getKey(), c.secret() ? "****" : e.getValue()));
                }
            }
        }
        out.add(entry("part-size", transfer.partSize() == 0 ? "auto" : ByteSizes.format(transfer.partSize())));
        out.add(entry("concurrency", Integer.toString(transfer.concurrency())));
        out.add(entry("checksum", transfer.checksum().toString()));
        out.add(entry("retries", Integer.toString(transfer.retries())));
        out.add(entry("retry-base-delay", Durations.human(transfer.retryBaseDelay())));
        out.add(entry("retry-max-delay", Durations.human(transfer.retryMaxDelay())));
        out.add(entry("retry-deadline", Durations.human(transfer.retryDeadline())));
        out.add(entry("stall-timeout", Durations.human(transfer.stallTimeout())));
        out.add(entry("journal-dir", transfer.journalDir() == null ? "(none)" : transfer.journalDir().toString()));
        return out;
    }

    /**
     * @return the effective configuration, one {@code key = value  (source)} line each, secrets
     *     masked as {@code ****}
     */
    public List<String> describe() {
        return entries().stream().map(e -> e.key() + " = " + e.value() + "  (" + e.source() + ")").toList();
    }

    private Entry entry(String key, String value) {
        return new Entry(key, value, sources.getOrDefault(key, "default"));
    }

    @Override
    public String toString() {
        return "ToolkitConfig" + describe();
    }
}
