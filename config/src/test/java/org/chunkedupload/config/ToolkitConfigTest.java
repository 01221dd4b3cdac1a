package org.chunkedupload.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolkitConfigTest {
    @TempDir
    Path tmp;

    /** A second provider with a secret setting, so that selection and masking can be seen. */
    static final class SecretProvider implements StorageProvider {
        @Override
        public String id() {
            return "vault";
        }

        @Override
        public String description() {
            return "test provider with a secret";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(new ConfigKey("token", "a secret", null, true), new ConfigKey("zone", "a zone", null, false));
        }

        @Override
        public ProviderBackend open(org.chunkedupload.api.BackendConfig config) {
            throw new UnsupportedOperationException("not opened in these tests");
        }
    }

    private final ProviderRegistry registry = ProviderRegistry.load().with(new SecretProvider());

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("c.properties"), text);
    }

    @Test
    void aFileSelectsTheProviderItsSettingsAndTheTransfer() throws IOException {
        Path f = file("provider = fs\nbucket = demo\nfs.root = " + tmp.resolve("store") + "\nvault.zone = z1\n"
                + "part-size = 8MiB\nconcurrency = 6\nchecksum = md5\nretries = 2\nretry-base-delay = 50ms\n"
                + "retry-max-delay = 5s\nretry-deadline = 10m\njournal-dir = " + tmp + "\n");
        ToolkitConfig c = ToolkitConfig.load(f, Map.of(), registry);
        assertEquals("fs", c.provider());
        assertEquals(Map.of("root", tmp.resolve("store").toString()), c.backendConfig().settings(),
                "only the selected provider's settings are used");
        assertEquals(new TransferSettings(8 << 20, 6, org.chunkedupload.api.ChecksumPolicy.parse("md5"), 2, java.time.Duration.ofMillis(50),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(10), tmp,
                org.chunkedupload.transfer.Uploader.DEFAULT_STALL_TIMEOUT), c.transfer());
        assertEquals("fs://demo/a/b", c.target("a/b").toString());
        try (StorageBackend b = c.openBackend()) {
            assertEquals("fs", b.providerId());
        }
    }

    @Test
    void theEnvironmentOverridesTheFileAndSwitchesTheProvider() throws IOException {
        Path f = file("provider = fs\nfs.root = /x\nconcurrency = 2\n");
        ToolkitConfig c = ToolkitConfig.load(f, Map.of("CHUNKED_UPLOAD_PROVIDER", "vault", "CHUNKED_UPLOAD_VAULT_TOKEN",
                "s3cr3t", "CHUNKED_UPLOAD_CONCURRENCY", "9"), registry);
        assertEquals("vault", c.provider());
        assertEquals("s3cr3t", c.backendConfig().settings().get("token"));
        assertEquals(9, c.transfer().concurrency());
        String shown = String.join("\n", c.describe());
        assertFalse(shown.contains("s3cr3t"), shown);
        assertTrue(shown.contains("vault.token = ****  (environment)") && shown.contains("concurrency = 9  (environment)"),
                shown);
        assertFalse(c.toString().contains("s3cr3t"));
        assertNull(c.bucket());
        assertThrows(ConfigurationException.class, () -> c.target("k"));
    }

    @Test
    void unknownKeysAndInvalidValuesNameTheKey() throws IOException {
        for (String[] bad : new String[][] {
                {"provider = fs\nconcurency = 3\n", "'concurency'"},
                {"provider = fs\nfs.rot = /x\n", "'fs.rot'"},
                {"provider = fs\nnosuch.key = 1\n", "'nosuch.key'"},
                {"provider = nosuch\n", "'provider' is 'nosuch'"},
                {"bucket = b\n", "no 'provider'"},
                {"provider = fs\npart-size = lots\n", "invalid size 'lots'"},
                {"provider = fs\nconcurrency = 0\n", "'concurrency'"},
                {"provider = fs\nchecksum = crc64\n", "'checksum'"},
                {"provider = fs\nretries = many\n", "'retries'"},
                {"provider = fs\nretry-deadline = soon\n", "'retry-deadline'"},
                {"provider = fs\nretry-base-delay = 1m\nretry-max-delay = 1s\n", "'retry-max-delay'"}}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ToolkitConfig.load(file(bad[0]), Map.of(), registry), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + " -> " + e.getMessage());
        }
    }
}
