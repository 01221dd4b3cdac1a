/** The Google Cloud Storage provider (scheme {@code gs}) on the Google Cloud Storage client. */
module org.chunkedupload.gcs {
    requires org.chunkedupload.api;
    requires google.cloud.storage;
    requires google.cloud.core;
    requires google.cloud.core.http;
    requires gax;
    requires com.google.auth;
    requires com.google.auth.oauth2;

    provides org.chunkedupload.spi.StorageProvider with org.chunkedupload.gcs.GcsProvider;
}
