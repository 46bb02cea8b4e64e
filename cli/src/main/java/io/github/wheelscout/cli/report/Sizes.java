package io.github.wheelscout.cli.report;

import java.util.Locale;

/** Byte counts for people, in pip's decimal units (kB, MB, GB). */
public final class Sizes {

    private Sizes() {
    }

    /** E.g. {@code 10.8 MB}, {@code 97.5 kB}, {@code 512 bytes}. */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
