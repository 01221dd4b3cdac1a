/** The Amazon S3 provider (scheme {@code s3}) on the AWS SDK for Java v2. */
module org.chunkedupload.s3 {
    requires org.chunkedupload.api;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires org.apache.httpcomponents.httpclient;
    requires org.apache.httpcomponents.httpcore;
    requires software.amazon.awssdk.utils;
    requires software.amazon.awssdk.http.auth.aws;
    requires software.amazon.awssdk.http.auth.spi;
    requires software.amazon.awssdk.identity.spi;

    exports org.chunkedupload.s3;

    provides org.chunkedupload.spi.StorageProvider with org.chunkedupload.s3.S3Provider;
}
