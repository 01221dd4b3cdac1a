/**
 * The chunked-upload API ({@code org.chunkedupload.api}) and provider SPI ({@code org.chunkedupload.spi}).
 * The guard ({@code org.chunkedupload.guard}: the checks every call passes before it reaches a
 * provider) is not exported.
 */
module org.chunkedupload.api {
    requires transitive org.slf4j;
    requires transitive org.jspecify;

    exports org.chunkedupload.api;
    exports org.chunkedupload.spi;

    uses org.chunkedupload.spi.StorageProvider;
}
