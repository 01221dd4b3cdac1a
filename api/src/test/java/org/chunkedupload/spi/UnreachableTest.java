package org.chunkedupload.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The reason a request got no answer is found among the causes and said without class names. */
class UnreachableTest {
    /** Named as the JDK HTTP client's (in java.net.http, which the API module does not read). */
    static final class HttpConnectTimeoutException extends IOException {
        HttpConnectTimeoutException(String message) {
            super(message);
        }
    }

    /** How Reactor wraps the JDK client's failure in the Azure SDK: a class name, then a cause without a message. */
    @Test
    void aWrappedConnectExceptionWithoutAMessage() {
        RuntimeException reactor = new RuntimeException("java.net.ConnectException", new ConnectException());
        assertEquals("cannot connect", Unreachable.reason(reactor));
        assertEquals("cannot connect (connection refused)",
                Unreachable.reason(new UncheckedIOException(new ConnectException("Connection refused"))));
    }

    @Test
    void timeoutsUnknownHostsAndTls() {
        assertEquals("no answer in time", Unreachable.reason(new RuntimeException(new SocketTimeoutException("Read timed out"))));
        assertEquals("no answer in time", Unreachable.reason(new RuntimeException(new TimeoutException())));
        assertEquals("no answer in time", Unreachable.reason(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertTrue(Unreachable.isTimeout(new RuntimeException("wrapped", new SocketTimeoutException())));
        assertFalse(Unreachable.isTimeout(new RuntimeException(new ConnectException("Connection refused"))));
        assertEquals("unknown host 'store.invalid'", Unreachable.reason(new UnknownHostException("store.invalid")));
        assertEquals("the TLS handshake failed (PKIX path building failed)",
                Unreachable.reason(new RuntimeException(new SSLHandshakeException("PKIX path building failed"))));
    }

    @Test
    void theSentenceNamesWhatToCheck() {
        assertEquals("initiate gs://b/k failed: no answer from the store: cannot connect (connection refused); check the"
                + " network, the host setting and that the store is up", Unreachable.message("initiate gs://b/k",
                new ConnectException("Connection refused"), "the host setting", "read-timeout"));
        assertEquals("complete gs://b/k failed: no answer from the store: no answer in time; check that the store is up"
                + " and reachable, or raise read-timeout", Unreachable.message("complete gs://b/k",
                new SocketTimeoutException("Read timed out"), "the host setting", "read-timeout"));
    }

    @Test
    void otherwiseTheFirstMessageWithoutItsClassName() {
        assertEquals("connection reset", Unreachable.reason(
                new RuntimeException("java.io.IOException: Connection reset", new IOException("Connection reset"))));
        assertEquals("connection reset", Unreachable.reason(new IOException("Connection reset")));
        assertEquals("the connection failed", Unreachable.reason(new RuntimeException(new IOException())));
    }
}
