package org.chunkedupload.transfer;

import org.chunkedupload.api.ChunkedUploadException;

/**
 * The transfer made no progress for its stall timeout (no byte reached the store, no part finished)
 * and was stopped; the upload was then aborted, or kept when asked to.
 */
public class StalledTransferException extends ChunkedUploadException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what stalled, for how long, and what to check
     * @param cause what the stopped transfer reported, if anything
     */
    public StalledTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
