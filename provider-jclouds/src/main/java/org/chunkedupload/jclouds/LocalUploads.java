package org.chunkedupload.jclouds;

import java.time.Instant;
import java.util.Date;
import org.chunkedupload.api.NoSuchUploadException;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jspecify.annotations.Nullable;

/**
 * The names jclouds' local stores ({@code transient}, {@code filesystem}) give an upload's blobs, and
 * the existence check built on them. jclouds keeps an upload there as a {@code .mpus-<id>-<key>-stub}
 * blob plus one {@code .mpus-<id>-<key>-<n>} blob per part, and checks nothing itself: a part sent
 * after abort or complete is simply stored (an orphan no listing finds, as the stub is gone), and
 * complete after abort dereferences a missing part. The bridge asks for the stub before each call
 * and again after a part landed. jclouds 2.7.0 is its last release, so these names are fixed.
 */
final class LocalUploads {
    private static final String PREFIX = ".mpus-";

    private LocalUploads() {
    }

    /** @return the stub blob's name */
    static String stub(MultipartUpload mpu) {
        return PREFIX + mpu.id() + "-" + mpu.blobName() + "-stub";
    }

    /** @return the name of part {@code n}'s blob */
    static String part(MultipartUpload mpu, int n) {
        return PREFIX + mpu.id() + "-" + mpu.blobName() + "-" + n;
    }

    /**
     * @param store the store
     * @param mpu the upload
     * @return when the upload was started, or empty when it is gone (completed, aborted, never was)
     */
    static java.util.Optional<Instant> started(BlobStore store, MultipartUpload mpu) {
        BlobMetadata m = store.blobMetadata(mpu.containerName(), stub(mpu));
        if (m == null) {
            return java.util.Optional.empty();
        }
        @Nullable Date d = m.getLastModified();
        return java.util.Optional.of(d == null ? Instant.EPOCH : d.toInstant());
    }

    /**
     * @param store the store
     * @param mpu the upload
     * @param what the operation, for the message
     * @throws NoSuchUploadException when the upload was completed or aborted
     */
    static void requireLive(BlobStore store, MultipartUpload mpu, String what) {
        if (started(store, mpu).isEmpty()) {
            throw gone(mpu, what);
        }
    }

    static NoSuchUploadException gone(MultipartUpload mpu, String what) {
        return new NoSuchUploadException(what + " failed: upload " + mpu.id() + " of " + mpu.containerName() + "/"
                + mpu.blobName() + " no longer exists (it was completed or aborted); start a new upload");
    }
}
