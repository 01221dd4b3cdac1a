/**
 * The provider-neutral chunked upload API.
 *
 * <p>Open a {@link org.chunkedupload.api.StorageBackend} from a {@link org.chunkedupload.api.ProviderRegistry},
 * {@link org.chunkedupload.api.StorageBackend#initiate initiate} a
 * {@link org.chunkedupload.api.ChunkedUploadSession}, upload numbered parts in any order and in
 * parallel, then complete with the receipts or abort. The session's
 * {@link org.chunkedupload.api.UploadHandle} serializes to a string that lets another process
 * continue the same upload.
 */
@NullMarked
package org.chunkedupload.api;

import org.jspecify.annotations.NullMarked;
