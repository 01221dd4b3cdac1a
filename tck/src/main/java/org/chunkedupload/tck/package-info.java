/**
 * The compatibility kit: extend {@link org.chunkedupload.tck.ChunkedUploadTck} in a provider's test
 * sources to run every rule of {@code docs/spec/chunked-upload.md} against that provider.
 */
@NullMarked
package org.chunkedupload.tck;

import org.jspecify.annotations.NullMarked;
