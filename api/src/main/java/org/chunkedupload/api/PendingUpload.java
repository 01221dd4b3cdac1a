package org.chunkedupload.api;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An upload that was started and neither completed nor aborted: it holds storage (and, on a
 * cloud, costs money) until it is completed or aborted.
 *
 * @param handle the handle; {@link StorageBackend#resume(UploadHandle)} continues or aborts it
 * @param initiated when it was started, or {@code null} when the store does not say
 * @param bytesHeld the bytes its parts hold, when known
 */
public record PendingUpload(UploadHandle handle, @Nullable Instant initiated, OptionalLong bytesHeld) {
    /** Validates the fields. */
    public PendingUpload {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(bytesHeld, "bytesHeld");
    }

    /** @return the object key the upload will create */
    public String key() {
        return handle.key();
    }

    /** @return the provider's upload id */
    public String uploadId() {
        return handle.uploadId();
    }
}
