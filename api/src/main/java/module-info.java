/**
 * The chunked-upload API ({@code org.chunkedupload.api}) and provider SPI ({@code org.chunkedupload.spi}).
 * {@code org.chunkedupload.internal} is not exported.
 */
module org.chunkedupload.api {
    exports org.chunkedupload.api;
    exports org.chunkedupload.spi;

    uses org.chunkedupload.spi.StorageProvider;
}
