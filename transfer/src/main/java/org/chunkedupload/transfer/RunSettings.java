package org.chunkedupload.transfer;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every transfer of one {@link Uploader} shares: built once by its builder, read by each
 * {@link TransferRun}. Immutable.
 *
 * @param concurrency parts in flight at once
 * @param retry how failed parts (and a complete whose outcome is unknown) are retried
 * @param listener receives the transfer's events
 * @param keepOnFailure keep the upload for a resume instead of aborting it
 * @param stallTimeout how long a transfer may make no progress, or null for no limit
 * @param sharedWorkers a part pool shared with other transfers (the files of a tree), or null for a pool of its own
 */
record RunSettings(int concurrency, RetryPolicy retry, TransferListener listener, boolean keepOnFailure,
                   @Nullable Duration stallTimeout, java.util.concurrent.@Nullable ExecutorService sharedWorkers) {
    /**
     * @return these settings for one file of a tree: parts sent on {@code shared}, events also to
     *     {@code tree}, kept on failure when {@code keep}
     */
    RunSettings sharing(java.util.concurrent.ExecutorService shared, TransferListener tree, boolean keep) {
        return new RunSettings(concurrency, retry, TransferListener.all(listener, tree), keep || keepOnFailure,
                stallTimeout, shared);
    }
}
