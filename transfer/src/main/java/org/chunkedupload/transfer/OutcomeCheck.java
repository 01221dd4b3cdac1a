package org.chunkedupload.transfer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.Crc32c;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a complete whose outcome is unknown (the response was lost, the request timed out, a
 * retried complete was answered "no such upload", the process died while completing) by looking at
 * the store, never by guessing: the upload succeeded exactly when the object at the key has the
 * expected size and CRC-32C and was written after the upload began. The CRC-32C comes from the
 * store when it keeps one for the whole object, otherwise from reading the object back.
 */
final class OutcomeCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeCheck.class);
    /** Clock difference tolerated between this host and the store when comparing write times. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private OutcomeCheck() {
    }

    /**
     * What was expected at the key.
     *
     * @param target the key
     * @param size the object size
     * @param crc32c the whole object's CRC-32C
     * @param partCount the number of parts
     * @param notBefore when the upload began, or {@code null} when unknown
     */
    record Expected(ObjectTarget target, long size, Checksum crc32c, int partCount, @Nullable Instant notBefore) {
    }

    /** What complete tells its transfer, and asks it. */
    interface Watch {
        /** @return whether the transfer was cancelled meanwhile (no further attempt then) */
        boolean cancelled();

        /** Counts a further attempt. */
        void retrying();

        /** The store is being looked at to find out what an unanswered complete did. */
        void verifying();

        /** Complete is being sent (again). */
        void completing();
    }

    /**
     * Completes an upload; when the outcome is unknown it is resolved by looking at the object at the
     * key, and when that shows the upload did not complete after a retryable failure, complete is sent
     * again (with the retry policy's back-off).
     *
     * @param upload the upload
     * @param backend its store
     * @param receipts every part's receipt, in part order
     * @param precondition the precondition of complete
     * @param began when the upload began (an older object at the key is not this upload's)
     * @param retry how often and after what back-off complete is sent again
     * @param watch the transfer: told of each phase and further attempt, asked whether it was cancelled
     * @return the result
     */
    static UploadResult complete(ChunkedUploadSession upload, StorageBackend backend, List<PartReceipt> receipts,
                                 WritePrecondition precondition, Instant began, RetryPolicy retry,
                                 Watch watch) {
        Expected expected = new Expected(upload.handle().target(), receipts.stream().mapToLong(PartReceipt::size).sum(),
                Crc32c.combine(receipts), receipts.size(), began);
        for (int attempt = 1; ; attempt++) {
            try {
                watch.completing();
                return upload.complete(receipts, precondition);
            } catch (ChunkedUploadException e) {
                if (!unknown(e)) {
                    throw e;
                }
                LOG.warn("complete of {} ended without a definite answer ({}); checking the object at the key",
                        expected.target(), e.getMessage());
                watch.verifying();
                try {
                    UploadResult found = resolve(backend, expected, e);
                    LOG.info("the object at {} is this upload's ({} bytes, {}): the complete succeeded", expected.target(),
                            found.size(), found.checksum());
                    return found;
                } catch (ChunkedUploadException notThere) {
                    // a transient failure with no object at the key: the upload is still there, so complete again
                    if (!e.retryable() || watch.cancelled() || attempt >= retry.maxAttempts()) {
                        throw notThere;
                    }
                    watch.retrying();
                    LOG.warn("the upload of {} is still open after an unanswered complete: completing again (attempt {})",
                            expected.target(), attempt + 1);
                    try {
                        Thread.sleep(retry.backoff(attempt).toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new CancelledTransferException("interrupted while waiting to complete again", ie);
                    }
                }
            }
        }
    }

    /** Whether a failure of complete leaves its outcome unknown (as opposed to a definite refusal). */
    static boolean unknown(ChunkedUploadException e) {
        return e instanceof NoSuchUploadException || e.retryable();
    }

    /**
     * @return the result when the expected object is at the key
     * @throws ChunkedUploadException of the same kind as {@code failure}, saying precisely what is at the key
     */
    static UploadResult resolve(StorageBackend backend, Expected want, ChunkedUploadException failure) {
        Optional<ObjectInfo> info;
        try {
            info = backend.stat(want.target().bucket(), want.target().key());
        } catch (ChunkedUploadException e) {
            failure.addSuppressed(e);
            throw restate(failure, "and the object at " + want.target() + " could not be checked (" + e.getMessage()
                    + "); run the same command again to check once more");
        }
        if (info.isEmpty()) {
            throw restate(failure, "and there is no object at " + want.target() + ", so the upload did not complete: put the file again");
        }
        ObjectInfo o = info.get();
        if (o.size() != want.size()) {
            throw restate(failure, "and the object at " + want.target() + " is " + o.size() + " bytes, not the "
                    + want.size() + " bytes of this upload: it is not this upload's object; put the file again");
        }
        if (want.notBefore() != null && o.lastModified() != null
                && o.lastModified().isBefore(want.notBefore().minus(CLOCK_SKEW))) {
            throw restate(failure, "and the object at " + want.target() + " was written at " + o.lastModified()
                    + ", before this upload began: it is not this upload's object; put the file again");
        }
        Checksum crc = o.checksum() != null && o.checksum().algorithm() == ChecksumAlgorithm.CRC32C ? o.checksum()
                : readBack(backend, want.target(), failure);
        if (want.crc32c() != null && !want.crc32c().equals(crc)) {
            throw restate(failure, "and the object at " + want.target() + " has " + crc + ", not the " + want.crc32c()
                    + " of this upload: it is not this upload's object; put the file again");
        }
        return new UploadResult(want.target(), o.size(), o.etag(), null, crc, want.partCount());
    }

    private static Checksum readBack(StorageBackend backend, ObjectTarget t, ChunkedUploadException failure) {
        try {
            return Crc32c.of(backend.read(t.bucket(), t.key()));
        } catch (IOException | ChunkedUploadException e) {
            failure.addSuppressed(e);
            throw restate(failure, "and the object at " + t + " could not be read back to check it (" + e.getMessage()
                    + "); run the same command again to check once more");
        }
    }

    private static ChunkedUploadException restate(ChunkedUploadException failure, String what) {
        String m = "the upload ended without a definite answer from the store (" + failure.getMessage() + ") " + what;
        return failure instanceof NoSuchUploadException
                ? new NoSuchUploadException(m, failure)
                : new ChunkedUploadException(m, failure, failure.details());
    }
}
