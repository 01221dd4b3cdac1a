package org.chunkedupload.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people write them: plain bytes ({@code 8388608}), binary units ({@code 8MiB},
 * {@code 8M}, {@code 1.5GiB}, {@code 1G}) and decimal units ({@code 64MB} = 64,000,000, {@code 1GB}).
 */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /**
     * @param value e.g. {@code 16MiB}
     * @return the number of bytes
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long parse(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size '" + value + "': use bytes or a unit, e.g. 8MiB, 64MB, 1GiB");
        }
        int power = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            default -> 0;
        };
        String suffix = m.group(3).toLowerCase(Locale.ROOT);
        if (power == 0 && suffix.equals("i")) {
            throw new IllegalArgumentException("invalid size '" + value + "': use bytes or a unit, e.g. 8MiB, 64MB, 1GiB");
        }
        boolean decimal = power > 0 && suffix.equals("b");
        double unit = decimal ? Math.pow(1000, power) : Math.pow(1024, power);
        double bytes = Double.parseDouble(m.group(1)) * unit;
        if (bytes >= 0x1p63) { // (long) would clamp it to 2^63 - 1 without a word
            throw new IllegalArgumentException("size '" + value + "' is too large: the largest size is 8 EiB"
                    + " (9223372036854775807 bytes)");
        }
        return (long) bytes;
    }

    /**
     * @param bytes a byte count
     * @return e.g. {@code 1.5 GiB}
     */
    public static String format(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f %s", bytes, units[u])
                : String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
    }
}
