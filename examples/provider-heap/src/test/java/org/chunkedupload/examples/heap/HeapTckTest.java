package org.chunkedupload.examples.heap;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.tck.ChunkedUploadTck;

/** Step 4 of writing a provider: the whole TCK, with one class. */
class HeapTckTest extends ChunkedUploadTck {
    @Override
    protected BackendConfig backendConfig() {
        return BackendConfig.of("heap", Map.of("store", "tck"));
    }

    @Override
    protected String bucket() {
        return "tck";
    }
}
