package org.chunkedupload.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.NoSuchObjectException;
import org.chunkedupload.api.ObjectInfo;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadOptions;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;

/**
 * A store that reads every part's bytes and keeps none: what remains of an upload's cost is the
 * engine's and the API's own (reading the source, checksums, scheduling). Registered explicitly by
 * the benchmark, never through ServiceLoader.
 */
final class SinkProvider implements StorageProvider {
    private final boolean verifiesChecksums;

    SinkProvider(boolean verifiesChecksums) {
        this.verifiesChecksums = verifiesChecksums;
    }

    @Override
    public String id() {
        return "sink";
    }

    @Override
    public String description() {
        return "discards bytes";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of();
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        Capabilities.Builder caps = Capabilities.builder().partSize(0, 1L << 30);
        if (verifiesChecksums) {
            caps.addFeature(Capabilities.Feature.PART_CHECKSUM).addChecksumAlgorithm(ChecksumAlgorithm.CRC32C);
        }
        Capabilities c = caps.build();
        return new ProviderBackend() {
            @Override
            public Capabilities capabilities() {
                return c;
            }

            @Override
            public ProviderUpload initiate(String bucket, String key, UploadOptions options) {
                return upload(UploadHandle.of("sink", bucket, key, UUID.randomUUID().toString()));
            }

            @Override
            public ProviderUpload resume(UploadHandle handle) {
                return upload(handle);
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

    private static ProviderUpload upload(UploadHandle h) {
        return new ProviderUpload() {
            @Override
            public UploadHandle handle() {
                return h;
            }

            @Override
            public PartReceipt uploadPart(PartContent part) {
                byte[] buf = new byte[1 << 16];
                long left = part.length();
                try {
                    while (left > 0) {
                        int n = part.body().read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            throw new IOException("short body");
                        }
                        left -= n;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new PartReceipt(part.partNumber(), "t" + part.partNumber(), part.length(), null);
            }

            @Override
            public List<PartReceipt> listParts() {
                return List.of();
            }

            @Override
            public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
                return new UploadResult(h.target(), receipts.stream().mapToLong(PartReceipt::size).sum(), "e", null, null,
                        receipts.size());
            }

            @Override
            public void abort() {
            }
        };
    }
}
