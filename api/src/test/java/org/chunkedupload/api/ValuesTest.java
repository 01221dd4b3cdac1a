package org.chunkedupload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void targetsParseAndPrint() {
        ObjectTarget t = ObjectTarget.parse("s3://bucket/a/b c/ü.bin");
        assertEquals(new ObjectTarget("s3", "bucket", "a/b c/ü.bin"), t);
        assertEquals("s3://bucket/a/b c/ü.bin", t.toString());
        assertEquals(new ObjectPrefix("fs", "demo", ""), ObjectPrefix.parse("fs://demo"));
        assertEquals(new ObjectPrefix("fs", "demo", "x/"), ObjectPrefix.parse("fs://demo/x/"));
    }

    @Test
    void malformedTargetsNameTheProblem() {
        assertTrue(assertThrows(InvalidTargetException.class, () -> ObjectTarget.parse("fs:/demo/x")).getMessage()
                .contains("expected <scheme>://<bucket>/<key>"));
        assertTrue(assertThrows(InvalidTargetException.class, () -> ObjectTarget.parse("fs://demo")).getMessage()
                .contains("malformed target"));
        assertTrue(assertThrows(InvalidTargetException.class, () -> ObjectTarget.parse("fs:///x")).getMessage()
                .contains("bucket is missing"));
        assertTrue(assertThrows(InvalidTargetException.class, () -> ObjectTarget.parse("S3://b/k")).getMessage()
                .contains("invalid scheme"));
    }

    @Test
    void handlesRoundTripWithStateAndAnyCharacters() {
        UploadHandle h = new UploadHandle("gs", "b", "k:1/\n€ x", "id-1", Map.of("nonce", "ab:cd", "empty", ""));
        String s = h.serialize();
        assertTrue(s.matches("cuh1\\.[A-Za-z0-9_-]+"), s);
        assertEquals(h, UploadHandle.parse(s));
        assertEquals(UploadHandle.of("fs", "b", "k", "u"), UploadHandle.parse(UploadHandle.of("fs", "b", "k", "u").serialize()));
    }

    @Test
    void corruptHandlesAreRejectedClearly() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UploadHandle.parse("xyz")).getMessage()
                .contains("must start with 'cuh1.'"));
        String s = UploadHandle.of("fs", "b", "k", "u").serialize();
        assertThrows(IllegalArgumentException.class, () -> UploadHandle.parse(s.substring(0, s.length() - 3)));
        assertThrows(IllegalArgumentException.class, () -> UploadHandle.parse("cuh1.!!!"));
    }

    @Test
    void receiptsRoundTrip() {
        PartReceipt r = new PartReceipt(7, "\"etag:1\"", 5_242_880, Checksum.crc32c(0xCAFEBABEL));
        assertEquals(r, PartReceipt.parse(r.serialize()));
        PartReceipt plain = new PartReceipt(1, "t", 0, null);
        assertEquals(plain, PartReceipt.parse(plain.serialize()));
        assertThrows(IllegalArgumentException.class, () -> PartReceipt.parse(UploadHandle.of("a", "b", "c", "d").serialize()));
    }

    @Test
    void configMasksSecrets() {
        BackendConfig c = BackendConfig.of("s3", Map.of("secret-access-key", "AKIAXXXXSECRET", "region", "eu-west-1"));
        assertTrue(c.toString().contains("****"));
        assertTrue(!c.toString().contains("AKIAXXXXSECRET"));
        assertTrue(c.toString().contains("eu-west-1"));
    }

    @Test
    void capabilitiesRejectContradictions() {
        assertThrows(IllegalArgumentException.class, () -> Capabilities.builder().partSize(10, 5).build());
        assertThrows(IllegalArgumentException.class, () -> Capabilities.builder().partNumbers(1, 10).maxPartCount(11).build());
        assertThrows(IllegalArgumentException.class, () -> AbortGuarantee.eventual(java.time.Duration.ZERO));
        Capabilities c = Capabilities.builder().partSize(5, 50).build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void typedSettingsNameTheSettingAndTheProviderWhenInvalid() {
        BackendConfig c = BackendConfig.of("xs", java.util.Map.of("a", "Yes", "b", "0", "n", "12", "bad", "maybe",
                "neg", "-3"));
        assertEquals(true, c.getBoolean("a", false));
        assertEquals(false, c.getBoolean("b", true));
        assertEquals(true, c.getBoolean("absent", true));
        assertEquals(12, c.getPositiveInt("n", 1));
        assertEquals(7, c.getPositiveInt("absent", 7));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> c.getBoolean("bad", true));
        assertEquals("setting 'bad' of provider xs must be true or false, got 'maybe'", e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> c.getPositiveInt("neg", 1));
        assertEquals("setting 'neg' of provider xs must be a positive integer, got '-3'", e.getMessage());
    }
}
