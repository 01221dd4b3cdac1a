/**
 * The Azure Blob Storage provider, scheme {@code az}: {@link org.chunkedupload.azure.AzureProvider}.
 * Null is never a value unless a type says {@code @Nullable}.
 */
@NullMarked
package org.chunkedupload.azure;

import org.jspecify.annotations.NullMarked;
