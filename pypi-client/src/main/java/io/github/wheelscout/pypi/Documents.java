package io.github.wheelscout.pypi;

import io.github.wheelscout.filename.SdistFilename;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.name.ProjectName;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Small helpers the document parsers share. */
final class Documents {

    private Documents() {
    }

    /**
     * The version of a Simple API file as pip reads it from the name: a wheel's second dash-separated part,
     * an sdist's text after the project name; {@code null} for other files or names that don't fit.
     */
    static String versionFromFilename(String filename, ProjectName project) {
        FileKind kind = FileKind.of(filename);
        if (kind == FileKind.WHEEL) {
            int first = filename.indexOf('-');
            int second = first < 0 ? -1 : filename.indexOf('-', first + 1);
            return second < 0 ? null : filename.substring(first + 1, second);
        }
        if (kind == FileKind.SDIST) {
            return SdistFilename.version(filename, project).orElse(null);
        }
        return null;
    }

    /** {@code s}, or null when it is null or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An ISO 8601 upload time (with or without zone, taken as UTC without); null when unreadable. */
    static Instant uploadTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant utc = utcTime(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null; // an odd timestamp must not lose the file
            }
        }
    }

    /**
     * {@code yyyy-mm-ddThh:mm:ss[.fraction]Z}, the form PyPI writes, read without the general ISO parser (pages
     * list thousands of files); null for anything else, which the general parser then reads.
     */
    private static Instant utcTime(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. a leap second: the general parser decides
        }
    }

    /** The value of the ASCII digits {@code s[from, to)}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A hash name as a key: lower case, as pip compares them. */
    static String hashName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
