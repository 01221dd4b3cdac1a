/** The embedded filesystem provider (scheme {@code fs}). */
module org.chunkedupload.fs {
    requires org.chunkedupload.api;

    provides org.chunkedupload.spi.StorageProvider with org.chunkedupload.fs.FilesystemProvider;
}
