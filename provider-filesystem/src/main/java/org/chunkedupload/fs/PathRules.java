package org.chunkedupload.fs;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.chunkedupload.api.InvalidTargetException;

/**
 * Maps buckets and keys onto paths under the root, refusing anything that could escape it or
 * collide with the provider's own files.
 */
final class PathRules {
    /** Directory under the root that holds staging areas; no bucket may have this name. */
    static final String STAGING = ".chunked-uploads";
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private PathRules() {
    }

    static Path bucketDir(Path root, String bucket) {
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidTargetException("invalid bucket '" + printable(bucket) + "' for provider fs: use letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit");
        }
        return root.resolve(bucket);
    }

    static Path objectPath(Path root, String bucket, String key) {
        checkKey(key);
        Path bucketDir = bucketDir(root, bucket);
        Path p;
        try {
            p = bucketDir.resolve(key).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidTargetException("the key '" + printable(key) + "' cannot be a file name here: the file name"
                    + " encoding of this JVM is " + System.getProperty("sun.jnu.encoding") + "; run with a UTF-8 locale"
                    + " (e.g. LC_ALL=C.UTF-8) or use an ASCII key", e);
        }
        if (!p.startsWith(bucketDir) || p.equals(bucketDir)) {
            throw escape(key);
        }
        return p;
    }

    static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new InvalidTargetException("the object key is empty: write the target as fs://bucket/path/to/object");
        }
        if (key.indexOf('\0') >= 0) {
            throw new InvalidTargetException("the key '" + printable(key) + "' contains a NUL character, which fs cannot store");
        }
        if (key.startsWith("/") || key.indexOf('\\') >= 0) {
            throw escape(key);
        }
        for (String seg : key.split("/", -1)) {
            if (seg.isEmpty()) {
                throw new InvalidTargetException("the key '" + printable(key)
                        + "' has an empty path segment ('//' or a trailing '/'): remove it");
            }
            if (seg.equals(".") || seg.equals("..")) {
                throw escape(key);
            }
            if (seg.length() > 255) {
                throw new InvalidTargetException("a path segment of key '" + printable(key) + "' is longer than 255 characters");
            }
            if (seg.endsWith(FilesystemUpload.TMP_SUFFIX)) {
                throw new InvalidTargetException("the key '" + printable(key) + "' ends a segment with '"
                        + FilesystemUpload.TMP_SUFFIX + "', which fs reserves for its temporary files");
            }
        }
    }

    private static InvalidTargetException escape(String key) {
        return new InvalidTargetException("the key '" + printable(key) + "' would escape the bucket directory"
                + " ('..', '.', absolute path or backslash): use a plain relative key such as dir/file.bin");
    }

    private static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
