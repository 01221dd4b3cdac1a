package org.chunkedupload.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.UploadHandle;

/**
 * What a failed job kept (built with {@code keepOnFailure}) and a later job resumes from: the
 * upload of a giant object (its handle, source, size and part size), or the files of a file job.
 * Holds no secret. Serializable, and as text with {@link #encode()} / {@link #decode(String)}.
 *
 * @param handle the kept upload of an object, or null for a file job
 * @param source the object's source, or null for a file job
 * @param size the object's size (-1 for a file job)
 * @param partSize the part size the job used
 * @param files a file job's files ({@code source} and {@code key}, tab-separated), or empty
 * @param bucket a file job's bucket, or null
 */
public record UploadManifest(UploadHandle handle, String source, long size, long partSize, List<String> files,
                             String bucket) implements Serializable {
    private static final String PREFIX = "cum1.";

    /** Copies the list. */
    public UploadManifest {
        files = List.copyOf(files);
    }

    /** @return the manifest as one line of text, e.g. to store beside the job's output */
    public String encode() {
        String body = String.join("\n", handle == null ? "" : handle.serialize(), source == null ? "" : source,
                Long.toString(size), Long.toString(partSize), bucket == null ? "" : bucket, String.join("\u001f", files));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param text what {@link #encode()} gave
     * @return the manifest
     * @throws ConfigurationException when the text is not a manifest
     */
    public static UploadManifest decode(String text) {
        try {
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no " + PREFIX + " prefix");
            }
            String[] f = new String(Base64.getUrlDecoder().decode(text.substring(PREFIX.length())), StandardCharsets.UTF_8)
                    .split("\n", -1);
            return new UploadManifest(f[0].isEmpty() ? null : UploadHandle.parse(f[0]), f[1].isEmpty() ? null : f[1],
                    Long.parseLong(f[2]), Long.parseLong(f[3]), f[5].isEmpty() ? List.of() : List.of(f[5].split("\u001f")),
                    f[4].isEmpty() ? null : f[4]);
        } catch (RuntimeException e) {
            throw new ConfigurationException("'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not an upload manifest (" + e.getMessage() + "): pass the text a failed job's"
                    + " SparkUploadException.manifest().encode() gave", e);
        }
    }
}
