package org.chunkedupload.transfer;

import org.chunkedupload.api.ChunkedUploadException;

/** A transfer was interrupted or cancelled; the upload was aborted unless the caller asked to keep it. */
public class CancelledTransferException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was cancelled
     * @param cause the interrupt or cancellation
     */
    public CancelledTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
