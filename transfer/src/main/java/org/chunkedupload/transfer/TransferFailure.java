package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.chunkedupload.api.ChunkedUploadException;

/** What a transfer's failure is called: one sentence of the toolkit's exception model for whatever ended it. */
final class TransferFailure {
    private TransferFailure() {
    }

    /**
     * @param t what ended the transfer
     * @param cancelled whether the transfer was cancelled
     * @return the failure the transfer reports
     */
    static RuntimeException of(Throwable t, boolean cancelled) {
        if (cancelled || t instanceof InterruptedException) {
            return new CancelledTransferException("the transfer was cancelled", t);
        }
        if (t instanceof ChunkedUploadException c) {
            return c;
        }
        if (t instanceof UncheckedIOException u) {
            return new ChunkedUploadException("cannot read the source: " + u.getCause().getMessage(), u);
        }
        if (t instanceof IOException io) {
            return new ChunkedUploadException(String.valueOf(io.getMessage()), io);
        }
        if (t instanceof IllegalArgumentException ia) {
            return ia;
        }
        return new ChunkedUploadException("the transfer failed with an unexpected internal error ("
                + (t.getMessage() != null ? t.getMessage() : "no message") + "); run with --verbose for details"
                + " and report it", t);
    }
}
