package org.chunkedupload.gcs;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo.LifecycleRule;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleAction;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleCondition;
import com.google.cloud.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chunkedupload.api.Operation;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.UploadBackstop;

/**
 * The GCS backstop: a bucket lifecycle rule that deletes objects under the temporary prefix
 * (upload records, parts, intermediates) a number of days after they were created. It covers
 * every upload in the bucket, whatever its key, since temporaries are named by upload id.
 */
final class GcsBackstop implements UploadBackstop {
    private final Storage storage;
    private final String tempPrefix;

    GcsBackstop(GcsBackend backend) {
        this.storage = backend.storage;
        this.tempPrefix = backend.settings.tempPrefix();
    }

    @Override
    public Status check(String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        try {
            return status(strictest(bucket(bucket).getLifecycleRules(), tempPrefix), bucket, tempPrefix, days);
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.BACKSTOP, "read the lifecycle rules of gs://" + bucket, e);
        }
    }

    @Override
    public Status install(String bucket, String keyPrefix, Duration abortAfter) {
        int days = UploadBackstop.wholeDays(abortAfter);
        try {
            Bucket b = bucket(bucket);
            Optional<Integer> now = strictest(b.getLifecycleRules(), tempPrefix);
            if (now.isEmpty() || now.get() > days) {
                b.toBuilder().setLifecycleRules(withRule(b.getLifecycleRules(), tempPrefix, days)).build().update();
            }
            // read back: report what the server kept, not what was sent
            return status(strictest(bucket(bucket).getLifecycleRules(), tempPrefix), bucket, tempPrefix, days);
        } catch (RuntimeException e) {
            throw GcsErrors.map(Operation.BACKSTOP, "install the lifecycle rule on gs://" + bucket, e);
        }
    }

    private Bucket bucket(String name) {
        Bucket b = storage.get(name);
        if (b == null) {
            throw new ConfigurationException("no bucket gs://" + name + ": create it or fix the name");
        }
        return b;
    }

    /** @return the bucket's rules with ours (delete under the prefix after {@code days}) replacing any earlier one */
    static List<LifecycleRule> withRule(List<? extends LifecycleRule> existing, String prefix, int days) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (LifecycleRule r : existing == null ? List.<LifecycleRule>of() : List.<LifecycleRule>copyOf(existing)) {
            if (!isOurs(r, prefix)) {
                rules.add(r);
            }
        }
        rules.add(new LifecycleRule(LifecycleAction.newDeleteAction(), LifecycleCondition.newBuilder()
                .setAge(days).setMatchesPrefix(List.of(prefix)).build()));
        return rules;
    }

    private static boolean isOurs(LifecycleRule r, String prefix) {
        LifecycleCondition c = r.getCondition();
        return isDelete(r) && c != null && c.getAge() != null && List.of(prefix).equals(c.getMatchesPrefix());
    }

    private static boolean isDelete(LifecycleRule r) {
        return r.getAction() != null && LifecycleAction.newDeleteAction().getActionType().equals(r.getAction()
                .getActionType());
    }

    /** @return the age in days of the strictest delete rule covering the prefix, or empty */
    static Optional<Integer> strictest(List<? extends LifecycleRule> rules, String prefix) {
        if (rules == null) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(GcsBackstop::isDelete)
                .filter(r -> r.getCondition() != null && r.getCondition().getAge() != null)
                .filter(r -> r.getCondition().getMatchesPrefix() == null || r.getCondition().getMatchesPrefix().isEmpty()
                        || r.getCondition().getMatchesPrefix().stream().anyMatch(prefix::startsWith))
                .map(r -> r.getCondition().getAge())
                .min(Integer::compare);
    }

    private static Status status(Optional<Integer> days, String bucket, String prefix, int wanted) {
        String where = "gs://" + bucket + "/" + prefix;
        if (days.isEmpty()) {
            return new Status(false, "no lifecycle rule deletes the temporaries under " + where);
        }
        return new Status(days.get() <= wanted, "lifecycle rule: GCS deletes the temporaries under " + where + " "
                + days.get() + " day(s) after creation (all uploads in the bucket, whatever their key)");
    }
}
