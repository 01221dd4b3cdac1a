package org.chunkedupload.examples.guice;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.transfer.Uploader;

/**
 * Application code that archives files. It names no vendor: the backend, the bucket and the
 * transfer settings are injected from configuration.
 */
public final class ArchiveService {
    private final StorageBackend backend;
    private final Uploader uploader;
    private final ToolkitConfig config;

    /**
     * @param backend the configured store
     * @param uploader the configured engine
     * @param config the configuration (for the default bucket)
     */
    @Inject
    public ArchiveService(StorageBackend backend, Uploader uploader, ToolkitConfig config) {
        this.backend = backend;
        this.uploader = uploader;
        this.config = config;
    }

    /**
     * @param file the file
     * @param key the key in the configured bucket
     * @return the upload's result
     */
    public UploadResult archive(Path file, String key) {
        return uploader.upload(backend, file, config.target(key));
    }
}
