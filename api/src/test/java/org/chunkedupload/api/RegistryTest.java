package org.chunkedupload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void aBrokenProviderIsReportedWithoutHidingTheOthers() {
        ProviderRegistry r = ProviderRegistry.load(getClass().getClassLoader());
        assertEquals(List.of("fake"), r.providers().stream().map(p -> p.id()).toList());
        assertEquals(1, r.loadErrors().size(), r.loadErrors().toString());
        assertTrue(r.loadErrors().get(0).contains("org.example.MissingProvider"), r.loadErrors().get(0));
    }

    @Test
    void anUnknownIdListsTheInstalledProviders() {
        ProviderRegistry r = ProviderRegistry.load(getClass().getClassLoader());
        String m = assertThrows(ConfigurationException.class, () -> r.open(BackendConfig.of("s4"))).getMessage();
        assertTrue(m.contains("unknown storage provider 's4'") && m.contains("installed providers are fake"), m);
        assertTrue(m.contains("MissingProvider"), "load errors are part of the message: " + m);
    }

    @Test
    void anUnknownSettingIsNamed() {
        ProviderRegistry r = ProviderRegistry.of(new FakeProvider());
        String m = assertThrows(ConfigurationException.class,
                () -> r.open(BackendConfig.of("fake", Map.of("rooot", "/x")))).getMessage();
        assertTrue(m.contains("unknown setting 'rooot'") && m.contains("known settings are mode"), m);
    }

    @Test
    void anExplicitProviderWinsOverADiscoveredOne() {
        FakeProvider mine = new FakeProvider();
        ProviderRegistry r = ProviderRegistry.load(getClass().getClassLoader()).with(mine);
        assertEquals(ProviderInfo.of(mine), r.require("fake"), "the very instance registered");
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFails() {
        StorageBackend b = ProviderRegistry.of(new FakeProvider()).open(BackendConfig.of("fake"));
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.stat("b", "k"));
    }

    @Test
    void aNamespaceKeyAdmitsItsSettingsOnly() {
        ConfigKey ns = new ConfigKey("lib.*", "a library's properties", null, false);
        assertTrue(ns.isNamespace() && ns.admits("lib.timeout") && ns.admits("lib.a.b"));
        assertTrue(!ns.admits("lib.") && !ns.admits("lib") && !ns.admits("other.timeout"));
        ConfigKey dotted = new ConfigKey("lib.provider", "a grouped key", null, false);
        assertEquals("CHUNKED_UPLOAD_X_LIB_PROVIDER", dotted.environmentVariable("x"), "'.' becomes '_' like '-'");
        ProviderInfo p = ProviderInfo.of(new FakeProvider() {
            @Override
            public List<ConfigKey> configKeys() {
                return List.of(dotted, ns);
            }
        });
        assertEquals(dotted, p.key("lib.provider").orElseThrow(), "a named key wins over the namespace");
        assertEquals(ns, p.key("lib.retries").orElseThrow());
        assertTrue(p.key("retries").isEmpty());
        assertEquals(Map.of("lib.provider", "s3"), p.settingsFrom(Map.of("CHUNKED_UPLOAD_FAKE_LIB_PROVIDER", "s3",
                "CHUNKED_UPLOAD_FAKE_LIB_RETRIES", "3")), "a namespace takes no environment variables");
    }
}
