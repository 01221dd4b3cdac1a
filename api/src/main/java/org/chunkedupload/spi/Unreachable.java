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
     * The sentence of a {@link org.chunkedupload.api.StoreUnreachableException}: the action, the
     * reason, and what to check — the timeout setting for a timeout, else the network, where the
     * store is configured, and that it is up.
     *
     * @param action what was attempted, e.g. {@code initiate gs://b/k}
     * @param failure what the SDK threw
     * @param whereSetting the setting that says where the store is, e.g. {@code the host setting}
     * @param timeoutSetting the setting that bounds a wait for an answer, e.g. {@code read-timeout}
     * @return e.g. {@code initiate gs://b/k failed: no answer from the store: cannot connect
     *     (connection refused); check the network, the host setting and that the store is up}
     */
    public static String message(String action, Throwable failure, String whereSetting, String timeoutSetting) {
        return action + " failed: no answer from the store: " + reason(failure) + (isTimeout(failure)
                ? "; check that the store is up and reachable, or raise " + timeoutSetting
                : "; check the network, " + whereSetting + " and that the store is up");
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
