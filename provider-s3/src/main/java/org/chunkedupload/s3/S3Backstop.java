package org.chunkedupload.s3;

import java.time.Duration;
import java.util.Optional;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.spi.UploadBackstop;

/** The S3 backstop: an {@code AbortIncompleteMultipartUpload} lifecycle rule ({@link S3Lifecycle}). */
final class S3Backstop implements UploadBackstop {

    @Override
    public Status check(BackendConfig config, String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        try (S3Lifecycle l = new S3Lifecycle(config)) {
            return status(l.abortIncompleteDays(bucket, keyPrefix), bucket, keyPrefix, days);
        }
    }

    @Override
    public Status install(BackendConfig config, String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        try (S3Lifecycle l = new S3Lifecycle(config)) {
            Optional<Integer> now = l.abortIncompleteDays(bucket, keyPrefix);
            if (now.isEmpty() || now.get() > days) {
                l.installAbortIncomplete(bucket, keyPrefix, days);
            }
            return status(l.abortIncompleteDays(bucket, keyPrefix), bucket, keyPrefix, days);
        }
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
