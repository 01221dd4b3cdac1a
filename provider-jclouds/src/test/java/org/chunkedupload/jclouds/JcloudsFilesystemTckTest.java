package org.chunkedupload.jclouds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.ScratchFiles;
import org.junit.jupiter.api.AfterAll;

/** The whole kit against jclouds' {@code filesystem} store through the bridge. */
class JcloudsFilesystemTckTest extends ChunkedUploadTck {
    private static final Path BASEDIR = temp();

    private static Path temp() {
        try {
            return Files.createTempDirectory("jclouds-fs-tck");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteBasedir() {
        ScratchFiles.delete(BASEDIR);
    }

    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("jclouds", Map.of("jclouds.provider", "filesystem", "filesystem.basedir",
                BASEDIR.toString()));
    }

    @Override
    protected String bucket() {
        JcloudsStores.createContainer(backendConfig(), "tck");
        return "tck";
    }
}
