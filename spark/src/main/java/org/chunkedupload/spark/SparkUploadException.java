package org.chunkedupload.spark;

import org.chunkedupload.api.ChunkedUploadException;

/**
 * A Spark upload job failed and, as asked ({@code keepOnFailure}), kept what it had sent: resume it
 * with {@link SparkUpload#resume(UploadManifest)} and {@link #manifest()}.
 */
public final class SparkUploadException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;
    private final transient UploadManifest manifest;

    SparkUploadException(String message, UploadManifest manifest, Throwable cause) {
        super(message, cause);
        this.manifest = manifest;
    }

    /** @return what the job kept, for a later job to resume */
    public UploadManifest manifest() {
        return manifest;
    }
}
