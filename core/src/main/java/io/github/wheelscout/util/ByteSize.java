package io.github.wheelscout.util;

import java.util.Locale;

/** Byte counts for people, in pip's decimal units (kB, MB, GB), as every wheelscout report writes them. */
public final class ByteSize {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteSize() {
    }

    /** E.g. {@code 10.8 MB}, {@code 97.5 kB}, {@code 512 bytes}. */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        // "%.0f" rounds 999.96 kB up to "1000 kB": move to the next unit instead
        if (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
    }
}
