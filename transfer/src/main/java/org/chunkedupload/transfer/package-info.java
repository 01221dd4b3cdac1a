/**
 * Transfers built on the session API: {@link org.chunkedupload.transfer.FileUploader} cuts a file
 * into parts ({@link org.chunkedupload.transfer.PartPlan}), uploads them in parallel and completes,
 * aborting on failure.
 */
package org.chunkedupload.transfer;
