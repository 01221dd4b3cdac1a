package org.chunkedupload.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chunked-upload.*} properties: the keys of the toolkit's configuration file under one
 * prefix, e.g. {@code chunked-upload.provider=s3}, {@code chunked-upload.bucket=videos},
 * {@code chunked-upload.part-size=16MiB}, {@code chunked-upload.concurrency=8}; the provider's own
 * settings sit under {@code chunked-upload.<provider>.}, e.g. {@code chunked-upload.s3.endpoint}.
 * Values keep the file's grammar (sizes {@code 16MiB}, durations {@code 30s}) and are checked by the
 * same code, with the same messages.
 */
@ConfigurationProperties(prefix = "chunked-upload")
public class ChunkedUploadProperties {
    private String provider;
    private String bucket;
    private String partSize;
    private String concurrency;
    private String checksum;
    private String retries;
    private String retryBaseDelay;
    private String retryMaxDelay;
    private String retryDeadline;
    private String journalDir;
    private String stallTimeout;

    /** @return the transfer keys that are set, as in a configuration file */
    Map<String, String> fileKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "provider", provider);
        put(m, "bucket", bucket);
        put(m, "part-size", partSize);
        put(m, "concurrency", concurrency);
        put(m, "checksum", checksum);
        put(m, "retries", retries);
        put(m, "retry-base-delay", retryBaseDelay);
        put(m, "retry-max-delay", retryMaxDelay);
        put(m, "retry-deadline", retryDeadline);
        put(m, "journal-dir", journalDir);
        put(m, "stall-timeout", stallTimeout);
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** @return the provider id: fs, s3, gs, az */
    public String getProvider() {
        return provider;
    }

    /** @param provider the provider id */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** @return the default bucket */
    public String getBucket() {
        return bucket;
    }

    /** @param bucket the default bucket */
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    /** @return bytes per part ({@code 16MiB}), or empty for automatic */
    public String getPartSize() {
        return partSize;
    }

    /** @param partSize bytes per part */
    public void setPartSize(String partSize) {
        this.partSize = partSize;
    }

    /** @return parts in flight at once */
    public String getConcurrency() {
        return concurrency;
    }

    /** @param concurrency parts in flight at once, 1..256 */
    public void setConcurrency(String concurrency) {
        this.concurrency = concurrency;
    }

    /** @return auto, none, crc32c, crc32, md5 or sha256 */
    public String getChecksum() {
        return checksum;
    }

    /** @param checksum the part checksum policy */
    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    /** @return retries per part */
    public String getRetries() {
        return retries;
    }

    /** @param retries retries per part */
    public void setRetries(String retries) {
        this.retries = retries;
    }

    /** @return the first back-off ceiling */
    public String getRetryBaseDelay() {
        return retryBaseDelay;
    }

    /** @param retryBaseDelay the first back-off ceiling */
    public void setRetryBaseDelay(String retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    /** @return the largest back-off ceiling */
    public String getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** @param retryMaxDelay the largest back-off ceiling */
    public void setRetryMaxDelay(String retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** @return how long after the start a retry may begin */
    public String getRetryDeadline() {
        return retryDeadline;
    }

    /** @param retryDeadline how long after the start a retry may begin */
    public void setRetryDeadline(String retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    /** @return where resume journals are kept */
    public String getJournalDir() {
        return journalDir;
    }

    /** @param journalDir where resume journals are kept */
    public void setJournalDir(String journalDir) {
        this.journalDir = journalDir;
    }

    /** @return how long a transfer may make no progress */
    public String getStallTimeout() {
        return stallTimeout;
    }

    /** @param stallTimeout how long a transfer may make no progress */
    public void setStallTimeout(String stallTimeout) {
        this.stallTimeout = stallTimeout;
    }
}
