package org.chunkedupload.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.testsupport.Emulators;
import org.chunkedupload.testsupport.LocalServer;

/** Starts fake-gcs-server (built with go install on first use) on a free loopback port. */
final class GcsEmulator {
    static final String BUCKET = "tck";

    private GcsEmulator() {
    }

    static LocalServer start() {
        LocalServer s = Emulators.fakeGcs(System.getProperty("fake.gcs.module"));
        try (Storage c = client(s)) {
            c.create(BucketInfo.of(BUCKET));
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("could not create bucket " + BUCKET + " on fake-gcs-server: " + e, e);
        }
        return s;
    }

    static Storage client(LocalServer s) {
        return StorageOptions.http().setHost(s.url()).setProjectId("test")
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    static BackendConfig config(LocalServer s) {
        return BackendConfig.of("gs", Map.of("host", s.url(), "credentials", "none"));
    }
}
