package org.chunkedupload.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an object lives: {@code <scheme>://<bucket>/<key>}, for example {@code fs://demo/video.mp4},
 * {@code s3://bucket/a/b.bin}, {@code gs://...} or {@code az://container/blob}. The scheme is
 * the provider id.
 *
 * @param scheme the provider id (lower case)
 * @param bucket the bucket, container or top-level directory; never empty and never contains '/'
 * @param key the object key; may contain '/', never empty
 */
public record ObjectTarget(String scheme, String bucket, String key) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    /** Validates the parts; see {@link #parse(String)} for the rules. */
    public ObjectTarget {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (!SCHEME.matcher(scheme).matches()) {
            throw new InvalidTargetException("invalid scheme '" + scheme
                    + "': use a provider id such as fs, s3, gs or az");
        }
        if (bucket.isEmpty() || bucket.indexOf('/') >= 0) {
            throw new InvalidTargetException("invalid bucket '" + bucket + "' in " + scheme
                    + "://: the bucket must be non-empty and contain no '/'");
        }
        if (key.isEmpty()) {
            throw new InvalidTargetException("missing object key in " + scheme + "://" + bucket
                    + "/: write the target as " + scheme + "://" + bucket + "/path/to/object");
        }
    }

    /**
     * Parses {@code scheme://bucket/key}.
     *
     * @param target the text
     * @return the target
     * @throws InvalidTargetException naming what is wrong, with an example of the right form
     */
    public static ObjectTarget parse(String target) {
        ObjectPrefix p = ObjectPrefix.parse(target);
        if (p.prefix().isEmpty()) {
            throw new InvalidTargetException("malformed target '" + target
                    + "': expected <scheme>://<bucket>/<key>, e.g. fs://demo/file.bin");
        }
        return new ObjectTarget(p.scheme(), p.bucket(), p.prefix());
    }

    @Override
    public String toString() {
        return scheme + "://" + bucket + "/" + key;
    }
}
