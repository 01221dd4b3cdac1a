package org.chunkedupload.jclouds;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chunkedupload.api.InvalidTargetException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every call of a local jclouds store to names jclouds handles safely. jclouds' filesystem
 * store turns a key into a path under its base directory without refusing {@code ..} or following
 * rules for links, so a key could write or delete outside it; the bridge refuses such names, and any
 * path under the base directory that is a symbolic link, before jclouds sees them. Names starting
 * with {@code .mpus-} are jclouds' own upload blobs on both local stores and are refused too.
 */
final class Containment {
    private final StoreKind kind;
    private final @Nullable Path basedir;

    Containment(StoreKind kind, @Nullable Path basedir) {
        this.kind = kind;
        this.basedir = basedir;
    }

    void check(String bucket, String key, String what) {
        if (kind != StoreKind.LOCAL) {
            return;
        }
        if (bucket.isEmpty() || bucket.contains("/") || bucket.contains("\\") || bucket.equals(".")
                || bucket.equals("..") || bucket.startsWith(".")) {
            throw refused(bucket, key, what, "the bucket must be one plain directory name");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(bucket, key, what, "a key of a local jclouds store has no empty, '.' or '..' segments");
            }
        }
        if (key.contains("\\") || key.indexOf('\0') >= 0) {
            throw refused(bucket, key, what, "a key of a local jclouds store has no '\\' or NUL characters");
        }
        if (key.startsWith(".mpus-")) {
            throw refused(bucket, key, what, "keys starting with '.mpus-' hold jclouds' own upload parts");
        }
        if (basedir != null) {
            Path p = basedir.resolve(bucket);
            checkNotLink(p, bucket, key, what);
            for (String segment : key.split("/")) {
                p = p.resolve(segment);
                checkNotLink(p, bucket, key, what);
            }
        }
    }

    private static void checkNotLink(Path p, String bucket, String key, String what) {
        if (Files.isSymbolicLink(p)) {
            throw refused(bucket, key, what, p + " is a symbolic link, which the bridge does not follow: use a key"
                    + " without links, or point filesystem.basedir at the real directory");
        }
    }

    private static InvalidTargetException refused(String bucket, String key, String what, String why) {
        return new InvalidTargetException(what + " " + JcloudsBackend.where(bucket, key) + " refused: " + why);
    }
}
