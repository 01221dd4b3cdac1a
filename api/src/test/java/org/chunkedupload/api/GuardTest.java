package org.chunkedupload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The API's checks apply to every provider, before the provider is called. */
class GuardTest {
    private final FakeProvider provider = new FakeProvider();

    private ChunkedUploadSession session(String mode) {
        StorageBackend b = ProviderRegistry.of(provider).open(BackendConfig.of("fake", Map.of("mode", mode)));
        return b.initiate(ObjectTarget.parse("fake://b/k"));
    }

    private static PartReceipt r(int n, long size) {
        return new PartReceipt(n, "t" + n, size, null);
    }

    @Test
    void receiptsAreSortedBeforeTheProviderSeesThem() {
        session("ok").complete(List.of(r(3, 10), r(1, 100), r(2, 100)));
        assertEquals(List.of(1, 2, 3), provider.completed.get(0).stream().map(PartReceipt::partNumber).toList());
    }

    @Test
    void badReceiptListsAreRejectedNamingThePart() {
        ChunkedUploadSession s = session("ok");
        assertTrue(assertThrows(InvalidPartOrderException.class, () -> s.complete(List.of(r(1, 100), r(2, 5), r(1, 100))))
                .getMessage().contains("part 1 appears twice"));
        assertTrue(assertThrows(InvalidPartException.class, () -> s.complete(List.of())).getMessage()
                .contains("at least one part receipt"));
        assertTrue(assertThrows(InvalidPartException.class, () -> s.complete(List.of(r(1, 100), r(51, 5)))).getMessage()
                .contains("part number 51 is outside the range 1..50"));
        assertTrue(assertThrows(PartTooSmallException.class, () -> s.complete(List.of(r(1, 99), r(2, 5)))).getMessage()
                .contains("part 1 is 99 bytes, below the minimum part size 100"));
        assertThrows(ObjectTooLargeException.class, () -> s.complete(List.of(r(1, 1000), r(2, 1000), r(3, 1000),
                r(4, 1000), r(5, 1000), r(6, 1))));
        assertEquals(0, provider.completed.size(), "no rejected list reached the provider");
    }

    @Test
    void partsAreCheckedBeforeAndWhileTheyAreRead() {
        ChunkedUploadSession s = session("ok");
        assertThrows(InvalidPartException.class, () -> s.uploadPart(0, new byte[1]));
        assertThrows(PartTooLargeException.class, () -> s.uploadPart(1, new ByteArrayInputStream(new byte[0]), 1001));
        assertTrue(assertThrows(IntegrityException.class, () -> s.uploadPart(1, new ByteArrayInputStream(new byte[5]), 10))
                .getMessage().contains("ended after 5 of the 10 bytes"));
        byte[] data = {1, 2, 3};
        assertThrows(IntegrityException.class,
                () -> s.uploadPart(1, new ByteArrayInputStream(data), 3, Checksum.crc32c(12345)));
        CRC32C crc = new CRC32C();
        crc.update(data);
        PartReceipt ok = s.uploadPart(1, new ByteArrayInputStream(data), 3, Checksum.crc32c(crc.getValue()));
        assertEquals(Checksum.crc32c(crc.getValue()), ok.checksum(), "the guard attaches the CRC-32C it computed");
    }

    @Test
    void aDigestIsCheckedByTheGuardUnlessTheStoreVerifiesIt() throws Exception {
        byte[] data = {1, 2, 3};
        Checksum wrongMd5 = new Checksum(ChecksumAlgorithm.MD5, java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("MD5").digest(new byte[] {9})));
        assertThrows(IntegrityException.class,
                () -> session("ok").uploadPart(1, new ByteArrayInputStream(data), 3, wrongMd5),
                "a store that does not verify MD5: the guard does");
        PartReceipt r = session("verifies-md5").uploadPart(1, new ByteArrayInputStream(data), 3, wrongMd5);
        assertEquals(3, r.size(), "a store that verifies MD5 gets the part and the checksum; the guard does not"
                + " compute the digest a second time");
        assertTrue(assertThrows(IntegrityException.class, () -> session("verifies-md5")
                .uploadPart(1, new ByteArrayInputStream(data), 4, wrongMd5)).getMessage().contains("ended after 3"),
                "lengths are still checked");
    }

    @Test
    void providerBugsSurfaceAsIntegrityErrors() {
        assertThrows(IntegrityException.class, () -> session("skip-body").uploadPart(1, new byte[10]));
        ChunkedUploadSession s = session("wrong-size");
        assertTrue(assertThrows(IntegrityException.class, () -> s.complete(List.of(r(1, 10)))).getMessage()
                .contains("the corrupt object is still at"), "a store that cannot delete conditionally: named, with the fix");
    }

    @Test
    void undeclaredFeaturesAreRefused() {
        ChunkedUploadSession s = session("ok");
        assertTrue(assertThrows(UnsupportedFeatureException.class, s::listParts).getMessage().contains("LIST_PARTS"));
        assertThrows(UnsupportedFeatureException.class, () -> s.complete(List.of(r(1, 1)), WritePrecondition.ifAbsent()));
    }

    @Test
    void targetsOfAnotherProviderAreRefused() {
        StorageBackend b = ProviderRegistry.of(provider).open(BackendConfig.of("fake"));
        assertTrue(assertThrows(InvalidTargetException.class, () -> b.initiate(ObjectTarget.parse("s3://b/k")))
                .getMessage().contains("is for provider 's3' but this backend is 'fake'"));
        assertThrows(IllegalArgumentException.class, () -> b.resume(UploadHandle.of("s3", "b", "k", "u")));
    }
}
