package org.chunkedupload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part sent twice (a task retried, or a speculative copy that lost): the driver completes with the
 * receipt it kept only when the store holds that part with the same bytes; other bytes are refused.
 */
class ReceiptConfirmationTest {
    @TempDir
    Path tmp;

    private StorageBackend store() {
        return ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", tmp.toString(), "fsync", "false")));
    }

    private static byte[] bytes(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void aDuplicateWithTheSameBytesIsConfirmedByTheStore() {
        try (StorageBackend b = store()) {
            ChunkedUploadSession s = b.initiate(ObjectTarget.parse("fs://demo/dup"));
            PartReceipt kept1 = s.uploadPart(1, bytes(1000, 1));
            PartReceipt kept2 = s.uploadPart(2, bytes(500, 2));
            s.uploadPart(1, bytes(1000, 1)); // a late duplicate attempt of part 1, after the driver kept its receipt
            List<PartReceipt> use = ObjectJob.confirmed(s, b.capabilities(), List.of(kept2, kept1), 1, 2);
            assertEquals(List.of(1, 2), use.stream().map(PartReceipt::partNumber).toList());
            assertEquals(1500, s.complete(use).size());
        }
    }

    @Test
    void aDuplicateWithOtherBytesIsRefusedNamingThePart() {
        try (StorageBackend b = store()) {
            ChunkedUploadSession s = b.initiate(ObjectTarget.parse("fs://demo/bad"));
            PartReceipt kept1 = s.uploadPart(1, bytes(1000, 1));
            PartReceipt kept2 = s.uploadPart(2, bytes(500, 2));
            s.uploadPart(2, bytes(500, 9)); // a failed attempt's part with other bytes replaced it
            InvalidPartException e = assertThrows(InvalidPartException.class,
                    () -> ObjectJob.confirmed(s, b.capabilities(), List.of(kept1, kept2), 1, 2));
            assertTrue(e.getMessage().contains("other bytes for part 2"), e.getMessage());
            InvalidPartException missing = assertThrows(InvalidPartException.class,
                    () -> ObjectJob.confirmed(s, b.capabilities(), List.of(kept1), 1, 2));
            assertTrue(missing.getMessage().contains("no task returned part 2"), missing.getMessage());
            s.abort();
        }
    }
}
