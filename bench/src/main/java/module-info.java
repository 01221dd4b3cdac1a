/** Benchmarks, not published: our engine side by side with the SDKs' transfer managers on the same servers. */
module org.chunkedupload.bench {
    requires org.chunkedupload.transfer;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.transfer.s3;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http.nio.netty;
    requires google.cloud.storage;
    requires google.cloud.core;
    requires com.azure.storage.blob;
}
