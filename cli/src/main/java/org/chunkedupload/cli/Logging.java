package org.chunkedupload.cli;

import java.util.Arrays;
import java.util.List;

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
        List<String> a = Arrays.asList(args);
        boolean sdks = a.contains("-vv");
        boolean ours = sdks || a.contains("--verbose");
        setIfAbsent(P + "logFile", "System.err");
        setIfAbsent(P + "defaultLogLevel", sdks ? "debug" : "off");
        setIfAbsent(P + "log.org.chunkedupload", ours ? "debug" : "off");
        setIfAbsent(P + "log.org.apache.http.wire", "info"); // every byte of every part otherwise
        setIfAbsent(P + "log.io.netty", "info");
        setIfAbsent(P + "showDateTime", "true");
        setIfAbsent(P + "dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent(P + "showShortLogName", "true");
        setIfAbsent(P + "showThreadName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
