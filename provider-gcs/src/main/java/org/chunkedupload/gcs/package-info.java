/**
 * The Google Cloud Storage provider, scheme {@code gs}: {@link org.chunkedupload.gcs.GcsProvider}.
 * Null is never a value unless a type says {@code @Nullable}.
 */
@NullMarked
package org.chunkedupload.gcs;

import org.jspecify.annotations.NullMarked;
