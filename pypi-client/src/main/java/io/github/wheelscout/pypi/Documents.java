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

    /** An ISO 8601 upload time (with or without zone, taken as UTC without); null when unreadable. */
    static Instant uploadTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
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

    /** A hash name as a key: lower case, as pip compares them. */
    static String hashName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
