/** Micrometer metrics of transfers: {@link org.chunkedupload.metrics.TransferMetrics}. */
package org.chunkedupload.metrics;
