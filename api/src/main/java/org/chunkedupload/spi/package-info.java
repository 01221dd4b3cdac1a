/**
 * The provider SPI: what a storage plugin implements. Applications use {@code org.chunkedupload.api}
 * instead.
 *
 * <p>A plugin implements {@link org.chunkedupload.spi.StorageProvider}, registers it with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.chunkedupload.spi.StorageProvider}
 * file, plus {@code provides} in {@code module-info}), and maps the store's operations onto
 * {@link org.chunkedupload.spi.ProviderBackend} and {@link org.chunkedupload.spi.ProviderUpload}.
 * The API wraps every provider in a guard that validates input and receipts before the provider
 * is called, so a provider receives only well-formed, sorted requests. Conformance is proven by
 * running the TCK ({@code chunked-upload-tck}). See {@code docs/spec/chunked-upload.md}.
 */
@NullMarked
package org.chunkedupload.spi;

import org.jspecify.annotations.NullMarked;
