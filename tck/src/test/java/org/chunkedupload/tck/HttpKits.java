package org.chunkedupload.tck;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;

/**
 * Kit wirings for the HTTP in-memory store, with the kit's fault proxy in front of it. Their names
 * do not end in "Test", so the build runs them only through {@link TckSelfTest}.
 */
final class HttpKits {
    private HttpKits() {
    }

    abstract static class HttpKit extends ChunkedUploadTck {
        private final ProviderRegistry registry;

        HttpKit(HttpMemoryProvider.Defect defect) {
            this.registry = ProviderRegistry.of(new HttpMemoryProvider(defect));
        }

        @Override
        protected BackendConfig backendConfig() {
            return BackendConfig.of("httpmem", Map.of("endpoint", "http://127.0.0.1:" + HttpMemoryServer.INSTANCE.port()));
        }

        @Override
        protected String bucket() {
            return "kit";
        }

        @Override
        protected ProviderRegistry registry() {
            return registry;
        }

        @Override
        protected String faultProxyTarget() {
            return "127.0.0.1:" + HttpMemoryServer.INSTANCE.port();
        }

        @Override
        protected String requestTimeoutSetting() {
            return "read-timeout";
        }
    }

    static final class CorrectHttpKit extends HttpKit {
        CorrectHttpKit() {
            super(HttpMemoryProvider.Defect.NONE);
        }
    }

    static final class NotRetrySafeKit extends HttpKit {
        NotRetrySafeKit() {
            super(HttpMemoryProvider.Defect.NOT_RETRY_SAFE);
        }
    }

    static final class MisreportsLostCompleteKit extends HttpKit {
        MisreportsLostCompleteKit() {
            super(HttpMemoryProvider.Defect.MISREPORTS_LOST_COMPLETE);
        }
    }
}
