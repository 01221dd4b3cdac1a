package org.chunkedupload.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: a whole number and a unit, {@code 200ms}, {@code 30s},
 * {@code 15m}, {@code 24h}, {@code 7d}. One grammar for the configuration file, the command line and
 * provider settings ({@link BackendConfig#getDuration}).
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|[smhd])");

    private Durations() {
    }

    /**
     * @param text e.g. {@code 7d}
     * @return the duration
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "': use a whole number and a unit,"
                    + " e.g. 30s, 15m, 24h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * @param d a duration
     * @return a short human form: {@code 3d4h}, {@code 5h12m}, {@code 7m3s}, {@code 42s}
     */
    public static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d" + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
        return d.toSeconds() > 0 || d.isZero() ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
