package org.chunkedupload.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.chunkedupload.spi.Crc32c;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part given as a {@link FileRange} to a provider declaring {@code FILE_COPY}: the provider copies it
 * through the API's {@code FileCopy} (the body is never read), and the API checks what was stored.
 */
class FileCopyGuardTest {
    @TempDir
    Path dir;

    /** A store that keeps each part in a file; {@code lazy} returns a receipt without copying. */
    private StorageBackend store(Path into, boolean declare, boolean lazy, AtomicBoolean bodyRead) {
        Capabilities caps = declare ? Capabilities.builder().addFeature(Capabilities.Feature.FILE_COPY).build()
                : Capabilities.builder().build();
        ProviderBackend b = new ProviderBackend() {
            @Override
            public Capabilities capabilities() {
                return caps;
            }

            @Override
            public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
                return new ProviderUpload() {
                    @Override
                    public UploadHandle handle() {
                        return UploadHandle.of("copy", bucket, key, "u1");
                    }

                    @Override
                    public PartReceipt uploadPart(PartContent part) {
                        try (FileChannel ch = FileChannel.open(into, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE)) {
                            if (part.fileCopy() != null) {
                                if (!lazy) {
                                    part.fileCopy().copyTo(ch, 0);
                                }
                            } else {
                                bodyRead.set(true);
                                ch.write(java.nio.ByteBuffer.wrap(part.body().readAllBytes()), 0);
                            }
                            return new PartReceipt(part.partNumber(), "t", part.length(), null);
                        } catch (java.io.IOException e) {
                            throw new ChunkedUploadException("store failed: " + e.getMessage(), e, ErrorDetails.none());
                        }
                    }

                    @Override
                    public List<PartReceipt> listParts() {
                        return List.of();
                    }

                    @Override
                    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
                        throw new UnsupportedOperationException("not used by this test");
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public ProviderUpload resume(UploadHandle handle) {
                throw new NoSuchUploadException("not used by this test");
            }

            @Override
            public List<PendingUpload> listPending(String bucket, String keyPrefix) {
                return List.of();
            }

            @Override
            public Optional<ObjectInfo> stat(String bucket, String key) {
                return Optional.empty();
            }

            @Override
            public InputStream read(String bucket, String key) {
                throw new NoSuchObjectException("not used by this test");
            }

            @Override
            public boolean delete(String bucket, String key) {
                return false;
            }

            @Override
            public void close() {
            }
        };
        return ProviderBackend.guard("copy", b);
    }

    private Path source(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("source"), bytes);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aDeclaringProviderCopiesTheRangeAndTheReceiptCarriesTheStoredCrc() throws Exception {
        byte[] all = bytes(40_000);
        Path src = source(all);
        Path stored = dir.resolve("stored");
        AtomicBoolean bodyRead = new AtomicBoolean();
        ChunkedUploadSession s = store(stored, true, false, bodyRead).initiate(new ObjectTarget("copy", "b", "k"));
        PartReceipt r = s.uploadPart(1, new FileRange(src, 1000, 30_000), null);
        byte[] want = java.util.Arrays.copyOfRange(all, 1000, 31_000);
        assertArrayEquals(want, Files.readAllBytes(stored));
        assertEquals(Crc32c.of(new java.io.ByteArrayInputStream(want)), r.checksum());
        assertTrue(!bodyRead.get(), "the body was not read");
    }

    @Test
    void aShortFileOrAWrongChecksumIsAnIntegrityFailure() throws Exception {
        Path src = source(bytes(500));
        AtomicBoolean bodyRead = new AtomicBoolean();
        StorageBackend b = store(dir.resolve("stored"), true, false, bodyRead);
        ChunkedUploadSession s = b.initiate(new ObjectTarget("copy", "b", "k"));
        IntegrityException shrunk = assertThrows(IntegrityException.class, () -> s.uploadPart(1, new FileRange(src, 0, 1000), null));
        assertTrue(shrunk.getMessage().contains("ends early"), shrunk.getMessage());
        Checksum wrong = Checksum.crc32c(12345);
        IntegrityException bad = assertThrows(IntegrityException.class, () -> s.uploadPart(1, new FileRange(src, 0, 500), wrong));
        assertTrue(bad.getMessage().contains("does not match its checksum"), bad.getMessage());
    }

    @Test
    void aReceiptWithoutTheCopyIsAProviderBug() throws Exception {
        Path src = source(bytes(500));
        ChunkedUploadSession s = store(dir.resolve("stored"), true, true, new AtomicBoolean())
                .initiate(new ObjectTarget("copy", "b", "k"));
        IntegrityException e = assertThrows(IntegrityException.class, () -> s.uploadPart(1, new FileRange(src, 0, 500), null));
        assertTrue(e.getMessage().contains("a provider bug"), e.getMessage());
    }

    @Test
    void anyOtherProviderReadsTheRangeAsABody() throws Exception {
        byte[] all = bytes(4000);
        Path src = source(all);
        Path stored = dir.resolve("stored");
        AtomicBoolean bodyRead = new AtomicBoolean();
        AtomicReference<PartReceipt> r = new AtomicReference<>();
        r.set(store(stored, false, false, bodyRead).initiate(new ObjectTarget("copy", "b", "k"))
                .uploadPart(1, new FileRange(src, 100, 3000), null));
        assertTrue(bodyRead.get());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 100, 3100), Files.readAllBytes(stored));
        assertEquals(3000, r.get().size());
    }
}
