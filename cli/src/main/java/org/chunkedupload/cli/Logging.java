package org.chunkedupload.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Sets up the CLI's log output (SLF4J Simple) before any logger exists: off by default, since the
 * CLI reports every outcome itself; {@code --verbose} shows the toolkit's own log lines (retries,
 * aborts, resume decisions) on stderr; {@code -vv} adds the SDKs' (without the HTTP wire dump of
 * part bodies). A {@code -Dorg.slf4j.simpleLogger.*} setting given to the JVM wins.
 */
final class Logging {
    private static final String P = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** @param args the command line, read for {@code --verbose} and {@code -vv} only */
    static void configure(String[] args) {
        settings(args, System.getProperties()::getProperty).forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /**
     * @param args the command line
     * @param jvm the JVM's system properties (those already set win)
     * @return the SLF4J Simple settings for this command line. The time-stamp format only when some
     *     log level is on: SLF4J Simple builds its date formatter whenever a format is set, and that
     *     (calendar, time zone and locale data) was 7 % of a quiet {@code put}'s start-up
     *     (docs/benchmarks.md, "Start-up")
     */
    static Map<String, String> settings(String[] args, UnaryOperator<String> jvm) {
        List<String> a = Arrays.asList(args);
        boolean sdks = a.contains("-vv");
        boolean ours = sdks || a.contains("--verbose");
        Map<String, String> s = new LinkedHashMap<>();
        s.put(P + "logFile", "System.err");
        s.put(P + "defaultLogLevel", sdks ? "debug" : "off");
        s.put(P + "log.org.chunkedupload", ours ? "debug" : "off");
        s.put(P + "log.org.apache.http.wire", "info"); // every byte of every part otherwise
        s.put(P + "log.io.netty", "info");
        if (ours || on(jvm.apply(P + "defaultLogLevel")) || on(jvm.apply(P + "log.org.chunkedupload"))) {
            s.put(P + "showDateTime", "true");
            s.put(P + "dateTimeFormat", "HH:mm:ss.SSS");
        }
        s.put(P + "showShortLogName", "true");
        s.put(P + "showThreadName", "false");
        return s;
    }

    private static boolean on(String level) {
        return level != null && !level.equalsIgnoreCase("off");
    }
}
