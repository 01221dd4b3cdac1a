package org.chunkedupload.api;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;

/**
 * A provider that records what the guard passes to it, for testing the API's checks. Settings:
 * {@code mode} = {@code ok} (default), {@code wrong-size} (complete reports a wrong size) or
 * {@code skip-body} (uploadPart does not read the body).
 */
public class FakeProvider implements StorageProvider {
    /** Receipt lists that reached the provider's complete. */
    final List<List<PartReceipt>> completed = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String description() {
        return "records calls";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(new ConfigKey("mode", "ok, wrong-size, skip-body or verifies-md5", "ok", false));
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        String mode = config.get("mode").orElse("ok");
        return new ProviderBackend() {
            @Override
            public Capabilities capabilities() {
                Capabilities.Builder b = Capabilities.builder().partSize(100, 1000).partNumbers(1, 50).maxPartCount(20)
                        .maxObjectSize(5000);
                if (mode.equals("verifies-md5")) { // a store that checks a per-part MD5 itself
                    b.addChecksumAlgorithm(ChecksumAlgorithm.MD5).addFeature(Capabilities.Feature.PART_CHECKSUM);
                }
                return b.build();
            }

            @Override
            public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
                UploadHandle h = UploadHandle.of("fake", bucket, key, "u1");
                return new ProviderUpload() {
                    @Override
                    public UploadHandle handle() {
                        return h;
                    }

                    @Override
                    public PartReceipt uploadPart(PartContent part) {
                        try {
                            if (!mode.equals("skip-body")) {
                                part.body().readAllBytes();
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return new PartReceipt(part.partNumber(), "t" + part.partNumber(), part.length(), null);
                    }

                    @Override
                    public List<PartReceipt> listParts() {
                        return List.of();
                    }

                    @Override
                    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
                        completed.add(new ArrayList<>(receipts));
                        long size = receipts.stream().mapToLong(PartReceipt::size).sum() + (mode.equals("wrong-size") ? 1 : 0);
                        return new UploadResult(h.target(), size, "e", null, null, receipts.size());
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public ProviderUpload resume(UploadHandle handle) {
                return initiate(handle.bucket(), handle.key(), UploadOptions.defaults());
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
                throw new NoSuchObjectException(key);
            }

            @Override
            public boolean delete(String bucket, String key) {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
