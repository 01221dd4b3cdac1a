/**
 * The Amazon S3 provider, scheme {@code s3}: {@link org.chunkedupload.s3.S3Provider}.
 * Null is never a value unless a type says {@code @Nullable}.
 */
@NullMarked
package org.chunkedupload.s3;

import org.jspecify.annotations.NullMarked;
