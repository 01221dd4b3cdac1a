package org.chunkedupload.spark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.fs.FilesystemProvider;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.ProviderUpload;
import org.chunkedupload.spi.StorageProvider;
import org.chunkedupload.testsupport.Proxies;

/**
 * The filesystem provider (id {@code flaky}), with a task that dies mid-part on demand: when part
 * {@link #failPart} is sent, half its body is read and the attempt fails without retry, so the
 * Spark task fails and Spark runs it again. Counts every part sent. In local mode executors share
 * this JVM, so the static controls reach them.
 */
public final class FlakyProvider implements StorageProvider {
    /** The part number that fails, or -1. */
    static volatile int failPart = -1;
    /** How many more attempts of that part fail (Integer.MAX_VALUE: every one). */
    static final AtomicInteger failuresLeft = new AtomicInteger();
    /** Part numbers sent (every attempt that reached the store). */
    static final List<Integer> sent = new CopyOnWriteArrayList<>();

    private final FilesystemProvider fs = new FilesystemProvider();

    static void reset() {
        failPart = -1;
        failuresLeft.set(0);
        sent.clear();
    }

    @Override
    public String id() {
        return "flaky";
    }

    @Override
    public String description() {
        return "the filesystem provider, failing a chosen part on demand (tests)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return fs.configKeys();
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        ProviderBackend real = fs.open(BackendConfig.of("fs", config.settings()));
        return Proxies.of(ProviderBackend.class, (m, args) -> {
            if (args != null) {
                for (int i = 0; i < args.length; i++) {
                    args[i] = args[i] instanceof UploadHandle h ? tag(h, "fs") : args[i];
                }
            }
            Object r = Proxies.call(m, real, args);
            if (r instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PendingUpload) {
                return list.stream().map(o -> (PendingUpload) o)
                        .map(p -> new PendingUpload(tag(p.handle(), "flaky"), p.initiated(), p.bytesHeld())).toList();
            }
            return r instanceof ProviderUpload u ? wrap(u) : r;
        });
    }

    private static ProviderUpload wrap(ProviderUpload real) {
        return Proxies.of(ProviderUpload.class, (m, args) -> {
            if (m.getName().equals("handle")) {
                return tag(real.handle(), "flaky");
            }
            if (m.getName().equals("uploadPart")) {
                PartContent p = (PartContent) args[0];
                if (p.partNumber() == failPart && failuresLeft.getAndDecrement() > 0) {
                    p.body().readNBytes((int) (p.length() / 2));
                    throw new ChunkedUploadException("injected: the task died in the middle of part " + p.partNumber(),
                            null);
                }
                sent.add(p.partNumber());
            }
            return Proxies.call(m, real, args);
        });
    }

    /** The fs provider's handles say "fs"; the guard of this provider expects "flaky". */
    private static UploadHandle tag(UploadHandle h, String id) {
        return new UploadHandle(id, h.bucket(), h.key(), h.uploadId(), h.state());
    }
}
