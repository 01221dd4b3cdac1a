package org.chunkedupload.jclouds;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;

/** The whole kit against jclouds' {@code transient} store (in memory, in this JVM) through the bridge. */
class TransientTckTest extends ChunkedUploadTck {
    static final String BUCKET = "tck";

    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("jclouds", Map.of("jclouds.provider", "transient"));
    }

    @Override
    protected String bucket() {
        JcloudsStores.createContainer(backendConfig(), BUCKET);
        return BUCKET;
    }
}
