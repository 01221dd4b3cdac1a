package org.chunkedupload.jclouds;

import org.chunkedupload.api.BackendConfig;

/** Test helper: creates a container through the same jclouds context the bridge would use. */
final class JcloudsStores {
    private JcloudsStores() {
    }

    static void createContainer(BackendConfig config, String container) {
        try (JcloudsBackend b = new JcloudsBackend(JcloudsSettings.from(config))) {
            b.store.createContainerInLocation(null, container);
        }
    }
}
