package org.chunkedupload.s3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.UploadBackstop;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 backstop against forgotten uploads: a bucket lifecycle rule
 * {@code AbortIncompleteMultipartUpload { DaysAfterInitiation: n }} makes S3 itself abort uploads
 * older than {@code n} days under a prefix, including uploads a crashed process never aborted.
 * Installing keeps the bucket's other lifecycle rules. Works through the client of an open backend.
 */
final class S3Backstop implements UploadBackstop {
    /** Id prefix of the rules this backstop installs. */
    static final String RULE_ID_PREFIX = "chunked-upload-abort-incomplete";

    private final S3Client client;

    S3Backstop(S3Backend backend) {
        this.client = backend.client;
    }

    @Override
    public Status check(String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        return status(abortIncompleteDays(bucket, keyPrefix), bucket, keyPrefix, days);
    }

    @Override
    public Status install(String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        Optional<Integer> now = abortIncompleteDays(bucket, keyPrefix);
        if (now.isEmpty() || now.get() > days) {
            installAbortIncomplete(bucket, keyPrefix, days);
        }
        return status(abortIncompleteDays(bucket, keyPrefix), bucket, keyPrefix, days);
    }

    /**
     * @param bucket the bucket
     * @param prefix a key prefix ("" for the whole bucket)
     * @return the days after which an enabled rule aborts incomplete uploads under {@code prefix},
     *     or empty when no rule covers it
     */
    Optional<Integer> abortIncompleteDays(String bucket, String prefix) {
        return rules(bucket).stream()
                .filter(r -> r.status() == ExpirationStatus.ENABLED && r.abortIncompleteMultipartUpload() != null)
                .filter(r -> prefix.startsWith(rulePrefix(r)))
                .map(r -> r.abortIncompleteMultipartUpload().daysAfterInitiation())
                .min(Integer::compare);
    }

    /**
     * Installs (or replaces) the rule for {@code prefix}, keeping every other rule of the bucket.
     *
     * @param bucket the bucket
     * @param prefix a key prefix ("" for the whole bucket)
     * @param days abort uploads this many days after they were initiated (at least 1)
     */
    void installAbortIncomplete(String bucket, String prefix, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        String id = RULE_ID_PREFIX + (prefix.isEmpty() ? "" : "-" + prefix);
        List<LifecycleRule> rules = new ArrayList<>();
        for (LifecycleRule r : rules(bucket)) {
            if (!id.equals(r.id())) {
                rules.add(r);
            }
        }
        rules.add(LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(f -> f.prefix(prefix))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(days)).build());
        try {
            client.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
        } catch (SdkException e) {
            throw S3Errors.map(Operation.BACKSTOP, "install the lifecycle rule on s3://" + bucket, e);
        }
    }

    private List<LifecycleRule> rules(String bucket) {
        try {
            return client.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && e.awsErrorDetails() != null
                    && "NoSuchLifecycleConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return List.of();
            }
            throw S3Errors.map(Operation.BACKSTOP, "read the lifecycle rules of s3://" + bucket, e);
        } catch (SdkException e) {
            throw S3Errors.map(Operation.BACKSTOP, "read the lifecycle rules of s3://" + bucket, e);
        }
    }

    private static String rulePrefix(LifecycleRule r) {
        if (r.filter() != null && r.filter().prefix() != null) {
            return r.filter().prefix();
        }
        @SuppressWarnings("deprecation")
        String legacy = r.prefix();
        return legacy == null ? "" : legacy;
    }

    private static Status status(Optional<Integer> days, String bucket, String prefix, int wanted) {
        String where = "s3://" + bucket + "/" + prefix;
        if (days.isEmpty()) {
            return new Status(false, "no lifecycle rule aborts incomplete multipart uploads under " + where);
        }
        return new Status(days.get() <= wanted, "lifecycle rule: S3 aborts incomplete multipart uploads under " + where
                + " " + days.get() + " day(s) after initiation");
    }
}
