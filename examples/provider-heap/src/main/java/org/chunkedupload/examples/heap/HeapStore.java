package org.chunkedupload.examples.heap;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "server" of the heap provider: objects, and unfinished uploads with their parts. Each part
 * carries a token that changes whenever the part is replaced, which is what the receipt names.
 */
final class HeapStore {
    /** One stored part. */
    record Part(String token, byte[] bytes) {
    }

    /** One unfinished upload. */
    record Upload(String bucket, String key, Instant initiated, String contentType, Map<Integer, Part> parts) {
    }

    /** One object. */
    record StoredObject(byte[] bytes, String etag, Instant modified) {
    }

    final long maxBytes;
    final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    HeapStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    String nextToken() {
        return Long.toString(counter.incrementAndGet(), 36);
    }

    static String path(String bucket, String key) {
        return bucket + "/" + key;
    }

    /** @return bytes held by objects and parts */
    long used() {
        long n = objects.values().stream().mapToLong(o -> o.bytes().length).sum();
        for (Upload u : uploads.values()) {
            synchronized (u.parts()) {
                n += u.parts().values().stream().mapToLong(p -> p.bytes().length).sum();
            }
        }
        return n;
    }

    static Map<Integer, Part> newParts() {
        return new TreeMap<>();
    }
}
