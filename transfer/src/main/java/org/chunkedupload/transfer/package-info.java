/**
 * The transfer engine, built on the session API: {@link org.chunkedupload.transfer.Uploader} cuts a
 * file, buffer or stream into parts ({@link org.chunkedupload.transfer.PartPlan},
 * {@link org.chunkedupload.transfer.GrowthSchedule}), uploads them in parallel with per-part retry
 * ({@link org.chunkedupload.transfer.RetryPolicy}), keeps an optional resume journal, and completes —
 * or aborts on failure and cancellation. See {@code docs/transfer-engine.md}.
 */
@NullMarked
package org.chunkedupload.transfer;

import org.jspecify.annotations.NullMarked;
