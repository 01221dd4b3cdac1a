package org.chunkedupload.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.UploadOptions;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * The object's properties on S3, set when the multipart upload is created: content type, encoding,
 * cache control, user metadata, storage class, tags, and server-side encryption — per upload through
 * {@link UploadOptions} (provider options {@code sse}, {@code sse-kms-key-id}), or for every upload
 * of a backend through the settings of the same names (and {@code storage-class}).
 *
 * @param sse the default {@code x-amz-server-side-encryption}: {@code AES256} (SSE-S3),
 *     {@code aws:kms} (SSE-KMS) or {@code aws:kms:dsse}; or null
 * @param kmsKeyId the default KMS key for SSE-KMS, or null for the account's AWS managed key
 * @param storageClass the default storage class, or null for STANDARD
 */
record S3ObjectSettings(String sse, String kmsKeyId, String storageClass) {
    /** Provider options an upload may carry. */
    static final Set<String> OPTIONS = Set.of("sse", "sse-kms-key-id");
    private static final Set<String> SSE = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("sse", "server-side encryption of every object: AES256 (SSE-S3), aws:kms (SSE-KMS) or"
                    + " aws:kms:dsse; an upload's provider option 'sse' wins", null, false),
            new ConfigKey("sse-kms-key-id", "the KMS key id or ARN for SSE-KMS (default: the AWS managed key)", null,
                    false),
            new ConfigKey("storage-class", "storage class of every object, e.g. STANDARD_IA, INTELLIGENT_TIERING (an"
                    + " upload's storage class wins)", null, false));

    static S3ObjectSettings from(BackendConfig c) {
        String sse = c.get("sse").orElse(null);
        checkSse(sse, "setting 'sse' of provider s3");
        return new S3ObjectSettings(sse, c.get("sse-kms-key-id").orElse(null), c.get("storage-class").orElse(null));
    }

    private static void checkSse(String sse, String what) {
        if (sse != null && !SSE.contains(sse)) {
            throw new ConfigurationException(what + " must be AES256, aws:kms or aws:kms:dsse, got '" + sse + "'");
        }
    }

    /**
     * @param req the request that creates the upload
     * @param o the upload's options
     * @throws ConfigurationException naming a provider option S3 does not know, or a bad value
     */
    void applyTo(CreateMultipartUploadRequest.Builder req, UploadOptions o) {
        for (String name : o.providerOptions().keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new ConfigurationException("provider option '" + name + "' is not one of provider s3's: "
                        + OPTIONS.stream().sorted().toList());
            }
        }
        req.contentType(o.contentType()).metadata(o.metadata()).contentEncoding(o.contentEncoding())
                .cacheControl(o.cacheControl());
        String cls = o.storageClass() != null ? o.storageClass() : storageClass;
        if (cls != null) {
            req.storageClass(cls);
        }
        if (!o.tags().isEmpty()) {
            req.tagging(tagging(o.tags()));
        }
        String s = o.providerOptions().getOrDefault("sse", sse);
        checkSse(s, "provider option 'sse'");
        String key = o.providerOptions().getOrDefault("sse-kms-key-id", kmsKeyId);
        if (s != null) {
            req.serverSideEncryption(s);
            if (key != null && s.startsWith("aws:kms")) {
                req.ssekmsKeyId(key);
            }
        } else if (o.providerOptions().containsKey("sse-kms-key-id")) {
            throw new ConfigurationException("provider option 'sse-kms-key-id' needs 'sse' aws:kms (SSE-KMS)");
        }
    }

    /** @return the tags as S3 takes them in {@code x-amz-tagging}: URL-encoded {@code k=v&k2=v2} */
    static String tagging(Map<String, String> tags) {
        return new LinkedHashMap<>(tags).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
