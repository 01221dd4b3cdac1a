package org.chunkedupload.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The Java peer for the S3 benchmark: uploads one file with the AWS SDK's {@code S3TransferManager}
 * over a multipart-enabled {@code S3AsyncClient} (Netty), with a given part size and concurrency.
 *
 * <p>Usage: {@code TransferManagerUpload ENDPOINT BUCKET KEY FILE PART_SIZE CONCURRENCY}
 */
public final class TransferManagerUpload {
    private TransferManagerUpload() {
    }

    public static void main(String[] a) {
        long partSize = Long.parseLong(a[4]);
        int concurrency = Integer.parseInt(a[5]);
        try (S3AsyncClient s3 = S3AsyncClient.builder().endpointOverride(URI.create(a[0])).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency)
                        .connectionAcquisitionTimeout(Duration.ofMinutes(5)))
                .multipartEnabled(true)
                .multipartConfiguration(m -> m.thresholdInBytes(partSize).minimumPartSizeInBytes(partSize)
                        .apiCallBufferSizeInBytes(partSize * concurrency))
                .build();
             S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
            tm.uploadFile(u -> u.source(Path.of(a[3])).putObjectRequest(p -> p.bucket(a[1]).key(a[2])))
                    .completionFuture().join();
        }
    }
}
