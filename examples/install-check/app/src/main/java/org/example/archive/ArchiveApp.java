package org.example.archive;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.metrics.TransferMetrics;
import org.chunkedupload.s3.S3Provider;
import org.chunkedupload.transfer.Uploader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An application that archives a file to S3 with the toolkit: its own {@code S3Client}, Micrometer
 * metrics, and the object's content type, metadata and server-side encryption set at initiate.
 * Usage: {@code ArchiveApp ENDPOINT FILE s3://BUCKET/KEY}.
 */
public final class ArchiveApp {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveApp.class);

    private ArchiveApp() {
    }

    public static void main(String[] args) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (S3Client client = S3Client.builder().endpointOverride(URI.create(args[0])).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("archive", "archive-secret"))).build();
             StorageBackend store = S3Provider.backendBuilder().client(client).build()) {
            UploadOptions options = UploadOptions.builder().contentType("application/x-tar")
                    .putMetadata("archived-by", "archive-app").putProviderOption("sse", "aws:kms")
                    .putProviderOption("sse-kms-key-id", "alias/archive").build();
            UploadResult r = Uploader.builder().partSize(5L << 20).concurrency(3).options(options)
                    .listener(new TransferMetrics(registry)).build()
                    .upload(store, Path.of(args[1]), ObjectTarget.parse(args[2]));
            LOG.info("archived {} bytes to {} in {} parts", r.size(), r.target(), r.partCount());
        }
        for (Meter m : registry.getMeters()) {
            m.measure().forEach(ms -> System.out.println(m.getId().getName() + " " + m.getId().getTags() + " "
                    + ms.getStatistic() + "=" + ms.getValue()));
        }
        System.out.println("ok " + Map.of("meters", registry.getMeters().size()));
    }
}
