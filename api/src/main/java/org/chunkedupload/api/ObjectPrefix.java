package org.chunkedupload.api;

import java.util.Objects;

/**
 * A bucket and an optional key prefix: {@code <scheme>://<bucket>[/<prefix>]}, used to list
 * pending uploads.
 *
 * @param scheme the provider id
 * @param bucket the bucket
 * @param prefix the key prefix, possibly empty
 */
public record ObjectPrefix(String scheme, String bucket, String prefix) {

    /** Validates the parts. */
    public ObjectPrefix {
        Objects.requireNonNull(prefix, "prefix");
        new ObjectTarget(scheme, bucket, "x"); // same scheme and bucket rules
    }

    /**
     * Parses {@code scheme://bucket[/prefix]}.
     *
     * @param text the text
     * @return the prefix
     * @throws InvalidTargetException when the text is not of that form
     */
    public static ObjectPrefix parse(String text) {
        if (text == null) {
            throw new InvalidTargetException("missing target: expected <scheme>://<bucket>/<key>");
        }
        int sep = text.indexOf("://");
        if (sep <= 0) {
            throw new InvalidTargetException("malformed target '" + text
                    + "': expected <scheme>://<bucket>/<key>, e.g. fs://demo/file.bin");
        }
        String scheme = text.substring(0, sep);
        String rest = text.substring(sep + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new InvalidTargetException("malformed target '" + text
                    + "': the bucket is missing, e.g. " + scheme + "://demo/file.bin");
        }
        return new ObjectPrefix(scheme, bucket, prefix);
    }

    @Override
    public String toString() {
        return scheme + "://" + bucket + "/" + prefix;
    }
}
