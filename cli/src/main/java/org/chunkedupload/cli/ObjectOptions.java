package org.chunkedupload.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chunkedupload.api.UploadOptions;
import picocli.CommandLine.Option;

/**
 * The properties of the object {@code put} creates. Provider options that hold for every upload of a
 * store (S3 server-side encryption: {@code -o sse=aws:kms -o sse-kms-key-id=KEY}) are provider
 * settings, given with {@code -o}.
 */
final class ObjectOptions {
    @Option(names = "--content-type", paramLabel = "TYPE", description = "Content type of the object, e.g. video/mp4.")
    String contentType;

    @Option(names = "--content-encoding", paramLabel = "ENC", description = "Content-Encoding of the object, e.g. gzip.")
    String contentEncoding;

    @Option(names = "--cache-control", paramLabel = "VALUE", description = "Cache-Control of the object, e.g. max-age=3600.")
    String cacheControl;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "User metadata of the object. Repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--storage-class", paramLabel = "CLASS",
            description = "Storage class or access tier in the store's words: S3 STANDARD_IA, GCS NEARLINE, Azure Cool.")
    String storageClass;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "An object tag (S3 object tags). Repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    /** @return the upload options these flags ask for */
    UploadOptions uploadOptions() {
        UploadOptions.Builder b = UploadOptions.builder().contentType(contentType).contentEncoding(contentEncoding)
                .cacheControl(cacheControl).storageClass(storageClass);
        metadata.forEach(b::putMetadata);
        tags.forEach(b::putTag);
        return b.build();
    }
}
