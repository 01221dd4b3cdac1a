/** Micrometer metrics of transfers: {@link org.chunkedupload.metrics.TransferMetrics}. */
@NullMarked
package org.chunkedupload.metrics;

import org.jspecify.annotations.NullMarked;
