package org.chunkedupload.fs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;
import org.chunkedupload.tck.ChunkedUploadTck;
import org.chunkedupload.testsupport.ScratchFiles;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole kit again, with every upload announcing the kit's part size (4 KiB) as its part-size
 * hint, so parts are placed straight into the data file and complete publishes it in place where it
 * can: replacements, exclusions, gaps and stale receipts are then all exercised on placed parts.
 */
class FilesystemPlacedPartsTckTest extends ChunkedUploadTck {
    private static final Path ROOT = FilesystemTckTest.tempRoot("fs-placed-tck");

    @AfterAll
    static void deleteRoot() {
        ScratchFiles.delete(ROOT);
    }

    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("fs", Map.of("root", ROOT.toString(), "fsync", "true"));
    }

    @Override
    protected String bucket() {
        return "tck";
    }

    @Override
    protected ProviderRegistry registry() {
        StorageProvider fs = new FilesystemProvider();
        return ProviderRegistry.of(new StorageProvider() {
            @Override
            public String id() {
                return fs.id();
            }

            @Override
            public String description() {
                return fs.description() + " (every upload hints 4 KiB parts)";
            }

            @Override
            public List<ConfigKey> configKeys() {
                return fs.configKeys();
            }

            @Override
            public ProviderBackend open(BackendConfig config) {
                FilesystemBackend b = (FilesystemBackend) fs.open(config);
                return new HintingBackend(b);
            }
        });
    }

    /** Adds the hint on initiate; everything else is the real backend. */
    private record HintingBackend(FilesystemBackend b) implements ProviderBackend {
        @Override
        public org.chunkedupload.api.Capabilities capabilities() {
            return b.capabilities();
        }

        @Override
        public org.chunkedupload.spi.ProviderUpload initiate(String bucket, String key, org.chunkedupload.api.UploadOptions o) {
            return b.initiate(bucket, key, o.toBuilder().partSizeHint(4096).build());
        }

        @Override
        public org.chunkedupload.spi.ProviderUpload resume(org.chunkedupload.api.UploadHandle h) {
            return b.resume(h);
        }

        @Override
        public List<org.chunkedupload.api.PendingUpload> listPending(String bucket, String prefix) {
            return b.listPending(bucket, prefix);
        }

        @Override
        public java.util.Optional<org.chunkedupload.api.ObjectInfo> stat(String bucket, String key) {
            return b.stat(bucket, key);
        }

        @Override
        public java.io.InputStream read(String bucket, String key) {
            return b.read(bucket, key);
        }

        @Override
        public boolean delete(String bucket, String key) {
            return b.delete(bucket, key);
        }

        @Override
        public void close() {
            b.close();
        }
    }
}
