package org.chunkedupload.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.ScratchFiles;
import org.junit.jupiter.api.AfterAll;

/** Runs the whole compatibility kit against the filesystem provider, found through ServiceLoader. */
class FilesystemTckTest extends ChunkedUploadTck {
    private static final Path ROOT = tempRoot("fs-tck");

    static Path tempRoot(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteRoot() {
        ScratchFiles.delete(ROOT);
    }

    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("fs", Map.of("root", ROOT.toString(), "fsync", "false"));
    }

    @Override
    protected String bucket() {
        return "tck";
    }
}
