/**
 * Guice bindings: {@link org.chunkedupload.guice.ChunkedUploadModule}.
 * Null is never a value unless a type says {@code @Nullable}.
 */
@NullMarked
package org.chunkedupload.guice;

import org.jspecify.annotations.NullMarked;
