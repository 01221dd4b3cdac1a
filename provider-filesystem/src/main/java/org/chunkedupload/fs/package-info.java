/** The embedded filesystem provider; use it through {@code org.chunkedupload.api.ProviderRegistry} with id {@code fs}. */
@NullMarked
package org.chunkedupload.fs;

import org.jspecify.annotations.NullMarked;
