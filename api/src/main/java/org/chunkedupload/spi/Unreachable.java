package org.chunkedupload.spi;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Words for a request that got no HTTP answer, for a provider's
 * {@link org.chunkedupload.api.StoreUnreachableException}: the network failure found among an SDK
 * exception's causes, without the class names the SDKs' own messages carry (an Azure put to a
 * closed port said {@code reactor.core.Exceptions$ReactiveException: java.net.ConnectException}).
 */
public final class Unreachable {
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z]\\w*\\.)+[A-Z][\\w$]*(?::\\s*|$)");

    private Unreachable() {
    }

    /**
     * @param failure what the SDK threw
     * @return a phrase such as {@code cannot connect (connection refused)}, {@code no answer in time},
     *     {@code unknown host 'x'}, {@code the TLS handshake failed (…)}, or the first message among
     *     the causes; never a class name
     */
    public static String reason(Throwable failure) {
        String firstMessage = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (c instanceof UnknownHostException) {
                return "unknown host" + (m == null ? "" : " '" + m.replaceFirst(":.*", "") + "'");
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return "cannot connect" + (m == null || m.isBlank() ? "" : " (" + lower(m) + ")");
            }
            if (timedOut(c)) {
                return "no answer in time";
            }
            if (c instanceof SSLException) {
                return "the TLS handshake failed" + (m == null ? "" : " (" + m + ")");
            }
            if (firstMessage == null && m != null) {
                // "java.io.IOException: Connection reset" -> "connection reset"; a bare class name -> nothing
                String text = CLASS_PREFIX.matcher(m.strip().lines().findFirst().orElse("")).replaceFirst("");
                firstMessage = text.isBlank() ? null : lower(text);
            }
        }
        return firstMessage != null ? firstMessage : "the connection failed";
    }

    /**
     * @param failure what the SDK threw
     * @return whether a timeout is among its causes (a silent server, or one too slow for the
     *     timeout settings), as opposed to a refused or broken connection
     */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (timedOut(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable t) {
        return t instanceof SocketTimeoutException || t instanceof TimeoutException
                || t.getClass().getSimpleName().endsWith("TimeoutException"); // the JDK HTTP client's own
    }

    private static String lower(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
