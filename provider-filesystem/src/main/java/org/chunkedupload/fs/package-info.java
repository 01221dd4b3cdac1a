/** The embedded filesystem provider; use it through {@code org.chunkedupload.api.ProviderRegistry} with id {@code fs}. */
package org.chunkedupload.fs;
