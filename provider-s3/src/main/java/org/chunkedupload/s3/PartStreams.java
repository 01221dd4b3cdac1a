package org.chunkedupload.s3;

import java.io.InputStream;
import org.chunkedupload.spi.PartContent;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Hands a part's own stream past the SDK to {@link ZeroCopyHttpClient}. The SDK wraps a request body
 * in streams of its own before its HTTP client sees it, which hides whether the part is a
 * {@link org.chunkedupload.api.ZeroCopySource}. So the part's stream provider, when it opens a stream
 * inside {@link #open} (the HTTP client's call, on the same thread), also leaves that stream in a slot
 * the call set up, and the call takes it from there. Nothing outlives the call.
 */
final class PartStreams {
    private static final ThreadLocal<InputStream[]> SLOT = new ThreadLocal<>();

    /**
     * @param wrapped the stream the SDK gives its HTTP client
     * @param own the part's own stream inside it, or {@code null} when the body is not a part's
     */
    record Opened(InputStream wrapped, InputStream own) {
    }

    private PartStreams() {
    }

    /**
     * @param part a repeatable part
     * @return a body provider that opens the part afresh each time, and shows {@link #open} its stream
     */
    static ContentStreamProvider of(PartContent part) {
        return () -> {
            InputStream in = part.reopen();
            InputStream[] slot = SLOT.get();
            if (slot != null) {
                slot[0] = in;
            }
            return in;
        };
    }

    /**
     * @param body the body provider of a request, as the SDK hands it to its HTTP client
     * @return a new stream of it, and the part's own stream inside when it came from {@link #of}
     */
    static Opened open(ContentStreamProvider body) {
        InputStream[] slot = new InputStream[1];
        SLOT.set(slot);
        try {
            InputStream wrapped = body.newStream();
            return new Opened(wrapped, slot[0]);
        } finally {
            SLOT.remove();
        }
    }
}
