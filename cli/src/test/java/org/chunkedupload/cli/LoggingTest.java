package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CLI's SLF4J Simple settings: quiet by default, and then without a time-stamp format (building
 * SLF4J Simple's date formatter was 7 % of a quiet command's start-up); time-stamped whenever a log
 * level is on, by flag or by the user's own JVM property.
 */
class LoggingTest {
    private static final String P = "org.slf4j.simpleLogger.";

    @Test
    void quietCommandsBuildNoDateFormatter() {
        Map<String, String> s = Logging.settings(new String[] {"put", "a", "fs://b/a"}, k -> null);
        assertEquals("off", s.get(P + "defaultLogLevel"));
        assertEquals("off", s.get(P + "log.org.chunkedupload"));
        assertFalse(s.containsKey(P + "dateTimeFormat") || s.containsKey(P + "showDateTime"), s.toString());
    }

    @Test
    void logLinesAreTimeStampedWheneverALevelIsOn() {
        for (String flag : new String[] {"--verbose", "-vv"}) {
            Map<String, String> s = Logging.settings(new String[] {"put", "a", "fs://b/a", flag}, k -> null);
            assertEquals("HH:mm:ss.SSS", s.get(P + "dateTimeFormat"), flag);
            assertEquals("true", s.get(P + "showDateTime"), flag);
        }
        Map<String, String> own = Logging.settings(new String[] {"put", "a", "fs://b/a"},
                k -> k.equals(P + "defaultLogLevel") ? "info" : null);
        assertEquals("HH:mm:ss.SSS", own.get(P + "dateTimeFormat"), "the user's -D level: time-stamped too");
        assertEquals("debug", Logging.settings(new String[] {"-vv"}, k -> null).get(P + "defaultLogLevel"));
        assertEquals("debug", Logging.settings(new String[] {"--verbose"}, k -> null).get(P + "log.org.chunkedupload"));
    }
}
