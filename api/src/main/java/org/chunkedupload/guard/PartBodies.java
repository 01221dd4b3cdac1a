package org.chunkedupload.guard;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.chunkedupload.api.Checksum;

/** The checked bodies opened over a caller's part or object (one, or several when the provider re-reads it). */
final class PartBodies {
    private final Supplier<? extends InputStream> source;
    private final boolean owned;
    private final List<PartInputStream> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<InputStream> raw = new java.util.concurrent.CopyOnWriteArrayList<>();

    PartBodies(Supplier<? extends InputStream> source, boolean owned) {
        this.source = source;
        this.owned = owned;
    }

    PartInputStream open(int partNumber, long length, Checksum checksum, boolean storeVerifies) {
        InputStream in = Objects.requireNonNull(source.get(), "the part source returned null");
        raw.add(in);
        PartInputStream p = new PartInputStream(in, partNumber, length, checksum, storeVerifies);
        opened.add(p);
        return p;
    }

    /** @return the last stream read to its end (the bytes the provider stored), else the last one opened */
    PartInputStream consumed(long length) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            if (opened.get(i).count() == length) {
                return opened.get(i);
            }
        }
        return opened.get(opened.size() - 1);
    }

    String failure() {
        return opened.stream().map(PartInputStream::failure).filter(Objects::nonNull).reduce((x, y) -> y).orElse(null);
    }

    void close() {
        if (owned) {
            for (InputStream in : raw) {
                try {
                    in.close();
                } catch (java.io.IOException e) {
                    // a read-only source: nothing was lost
                }
            }
        }
    }

    /**
     * Runs the provider's call over these bodies: a failure while the caller's bytes were read (short,
     * or not matching their checksum) becomes an {@code IntegrityException}; the bodies are closed after.
     */
    <R> R send(Supplier<R> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (failure() != null) {
                throw new org.chunkedupload.api.IntegrityException(failure(), e);
            }
            throw e;
        } finally {
            close();
        }
    }
}
