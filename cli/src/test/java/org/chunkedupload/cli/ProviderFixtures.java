package org.chunkedupload.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;

/** Looks at a store directly, as a second process would. */
final class ProviderFixtures {
    private ProviderFixtures() {
    }

    /** @return the pending uploads of bucket {@code demo} in the fs store under {@code root} */
    static List<PendingUpload> pendingFs(Path root) {
        try (StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", root.toString())))) {
            return fs.listPending("demo", "");
        }
    }
}
