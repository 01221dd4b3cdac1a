package org.chunkedupload.transfer;

import java.io.IOException;
import org.chunkedupload.api.ChunkedUploadSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/** What a failed or cancelled transfer leaves: its upload aborted and its journal deleted, or both kept for a resume. */
final class FailedTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(FailedTransfer.class);

    private FailedTransfer() {
    }

    /**
     * @param upload the transfer's upload
     * @param journal its journal, or null
     * @param keep keep the upload (and flush the journal) instead of aborting it
     * @param failure what the transfer reports; a failed abort or flush is added to it as suppressed
     */
    static void abortOrKeep(ChunkedUploadSession upload, @Nullable Journal journal, boolean keep, RuntimeException failure) {
        String target = upload.handle().target().toString();
        String id = upload.handle().uploadId();
        if (keep) {
            try {
                if (journal != null) {
                    journal.flush();
                }
            } catch (IOException io) {
                failure.addSuppressed(io);
            }
            LOG.warn("transfer to {} failed ({}); upload {} kept for resume{}", target, failure.getMessage(), id,
                    journal != null ? " with journal " + journal.path : "");
            return;
        }
        if (failure instanceof org.chunkedupload.api.IntegrityException) {
            LOG.error("integrity failure in the transfer to {} ({}); aborting upload {}", target, failure.getMessage(), id);
        } else {
            LOG.warn("transfer to {} failed ({}); aborting upload {}", target, failure.getMessage(), id);
        }
        try {
            upload.abort();
            if (journal != null) {
                journal.delete();
            }
        } catch (RuntimeException | IOException ae) {
            failure.addSuppressed(ae);
            LOG.error("abort of upload {} of {} failed, so its parts may still be stored and billed: {}; free them with"
                    + " 'chunked-upload abort {} --upload-id {}'", id, target, ae.getMessage(), target, id);
        }
    }
}
