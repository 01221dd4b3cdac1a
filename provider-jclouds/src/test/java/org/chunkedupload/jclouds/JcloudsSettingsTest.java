package org.chunkedupload.jclouds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ProviderInfo;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.Test;

/** The bridge's settings: what is required, what passes through to jclouds, what is refused and how. */
class JcloudsSettingsTest {
    private static StorageBackend open(Map<String, String> settings) {
        return ProviderRegistry.load().open(BackendConfig.of("jclouds", settings));
    }

    @Test
    void theJcloudsStoreMustBeNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> open(Map.of()));
        assertTrue(e.getMessage().contains("'jclouds.provider' is missing"), e.getMessage());
    }

    @Test
    void anUnknownJcloudsStoreIsNamedWithTheFix() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> open(Map.of("jclouds.provider", "no-such-store")));
        assertTrue(e.getMessage().contains("'no-such-store', which is not a jclouds provider or api on the class path"),
                e.getMessage());
    }

    @Test
    void theFilesystemStoreNeedsItsBaseDirectory() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> open(Map.of("jclouds.provider", "filesystem")));
        assertTrue(e.getMessage().contains("'filesystem.basedir' is missing"), e.getMessage());
        e = assertThrows(ConfigurationException.class,
                () -> open(Map.of("jclouds.provider", "transient", "filesystem.basedir", "/tmp/x")));
        assertTrue(e.getMessage().contains("applies only to jclouds.provider=filesystem"), e.getMessage());
    }

    @Test
    void jcloudsPropertiesPassThroughAndOtherKeysAreRefused() {
        try (StorageBackend b = open(Map.of("jclouds.provider", "transient", "jclouds.max-retries", "2"))) {
            assertTrue(b.capabilities().supports(Feature.LIST_PARTS));
        }
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> open(Map.of("jclouds.provider", "transient", "max-retries", "2")));
        assertTrue(e.getMessage().contains("unknown setting 'max-retries' for provider jclouds"), e.getMessage());
    }

    @Test
    void theCredentialComesFromTheEnvironmentAndIsNeverShown() {
        ProviderInfo p = ProviderRegistry.load().require("jclouds");
        Map<String, String> fromEnv = p.settingsFrom(Map.of("CHUNKED_UPLOAD_JCLOUDS_CREDENTIAL", "s3cr3t",
                "CHUNKED_UPLOAD_JCLOUDS_JCLOUDS_PROVIDER", "s3"));
        assertEquals(Map.of("credential", "s3cr3t", "jclouds.provider", "s3"), fromEnv);
        assertTrue(p.key("credential").orElseThrow().secret());
        assertFalse(BackendConfig.of("jclouds", fromEnv).toString().contains("s3cr3t"));
        assertFalse(JcloudsSettings.from(BackendConfig.of("jclouds", fromEnv)).toString().contains("s3cr3t"));
    }

    @Test
    void capabilitiesFollowTheStoreFamily() {
        try (StorageBackend b = open(Map.of("jclouds.provider", "transient"))) {
            assertEquals(5L << 20, b.capabilities().maxPartSize(), "jclouds' own limit for local stores");
            assertTrue(b.capabilities().supports(Feature.LIST_PENDING));
            assertFalse(b.capabilities().supports(Feature.CONDITIONAL_CREATE), "jclouds has no conditional complete");
        }
        assertEquals(1000, StoreKind.S3.capabilities(5L << 20, 5L << 30, 10_000).maxPartCount(),
                "jclouds lists one page of S3 parts: narrowed to what the receipt check can see");
        assertEquals("EVENTUAL(PT168H)", StoreKind.of("azureblob").capabilities(1, 100L << 20, 50_000)
                .abortGuarantee().toString(), "jclouds' azureblob abort does nothing");
    }
}
