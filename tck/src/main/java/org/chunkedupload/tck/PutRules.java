package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.IntegrityException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.Crc32c;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules PUT-*: a whole object in one request. */
public abstract class PutRules extends ConditionalRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected PutRules() {
    }

    private UploadResult put(String key, byte[] bytes, WritePrecondition precondition) {
        return backend.put(new ObjectTarget(backend.providerId(), bucket, key), () -> new ByteArrayInputStream(bytes),
                bytes.length, null, UploadOptions.defaults(), precondition);
    }

    @Hint("that put sends exactly {@code content.length()} bytes in one request and reports the stored size; an empty object is an object.")
    @Test
    @Tag("MUST")
    @DisplayName("PUT-01 put stores the bytes exactly, empty and not, and leaves nothing pending")
    final void put01() throws Exception {
        requires(Feature.SINGLE_REQUEST_PUT);
        for (int size : new int[] {0, 1, (1 << 20) + 3}) {
            String k = key("put01-" + size);
            byte[] bytes = Payloads.part(5, size);
            UploadResult r = put(k, bytes, WritePrecondition.none());
            assertEquals(size, r.size(), "stored size");
            assertEquals(1, r.partCount(), "one part");
            assertEquals(Crc32c.of(new ByteArrayInputStream(bytes)), r.checksum(), "the CRC-32C of the bytes");
            assertObject(k, new int[][] {{5, size}});
        }
        if (caps.supports(Feature.LIST_PENDING)) {
            assertEquals(java.util.List.of(), backend.listPending(bucket, prefix + "put01"), "a put leaves no upload");
        }
    }

    @Hint("that the guard's checks reach put: a short body or a wrong checksum fails before anything is published.")
    @Test
    @Tag("MUST")
    @DisplayName("PUT-02 a short body or a body not matching its checksum is refused; nothing appears at the key")
    final void put02() {
        requires(Feature.SINGLE_REQUEST_PUT);
        String k = key("put02");
        byte[] bytes = Payloads.part(2, 1000);
        ObjectTarget t = new ObjectTarget(backend.providerId(), bucket, k);
        expect(IntegrityException.class, () -> backend.put(t, () -> new ByteArrayInputStream(bytes, 0, 999), 1000, null,
                UploadOptions.defaults(), WritePrecondition.none()));
        assertNoObject(k);
        org.chunkedupload.api.Checksum wrong = new org.chunkedupload.api.Checksum(ChecksumAlgorithm.CRC32C, "AAAAAA==");
        expect(IntegrityException.class, () -> backend.put(t, () -> new ByteArrayInputStream(bytes), 1000, wrong,
                UploadOptions.defaults(), WritePrecondition.none()));
        assertNoObject(k);
    }

    @Hint("that create-only and compare-and-swap are sent with the put ({@code If-None-Match: *}, {@code If-Match}) and their refusal is mapped to PreconditionFailedException.")
    @Test
    @Tag("MUST")
    @DisplayName("PUT-03 a put honours create-only and compare-and-swap, leaving the object untouched when refused")
    final void put03() {
        requires(Feature.SINGLE_REQUEST_PUT);
        String k = key("put03");
        if (caps.supports(Feature.CONDITIONAL_CREATE)) {
            put(k, Payloads.part(1, 300), WritePrecondition.ifAbsent());
            expect(PreconditionFailedException.class, () -> put(k, Payloads.part(2, 400), WritePrecondition.ifAbsent()));
            assertObject(k, new int[][] {{1, 300}});
        } else {
            put(k, Payloads.part(1, 300), WritePrecondition.none());
        }
        if (caps.supports(Feature.CONDITIONAL_MATCH)) {
            String etag = backend.stat(bucket, k).orElseThrow().etag();
            expect(PreconditionFailedException.class, () -> put(k, Payloads.part(3, 500),
                    WritePrecondition.ifMatch("\"0000000000000000000000000000000f\"")));
            assertObject(k, new int[][] {{1, 300}});
            UploadResult r = put(k, Payloads.part(4, 600), WritePrecondition.ifMatch(etag));
            assertObject(k, new int[][] {{4, 600}});
            assertNotEquals(etag, r.etag(), "a new object must have a new ETag");
        }
    }
}
