/** The Azure Blob Storage provider (scheme {@code az}) on the Azure Storage Blob SDK. */
module org.chunkedupload.azure {
    requires org.chunkedupload.api;
    requires com.azure.core;
    requires com.azure.identity;
    requires com.azure.storage.blob;
    requires com.azure.storage.common;
    requires reactor.core;

    provides org.chunkedupload.spi.StorageProvider with org.chunkedupload.azure.AzureProvider;
}
