package io.github.wheelscout.requirement;

import java.util.Objects;

/**
 * Where something was read: a file (as pip names it: the top-level file as given, an included file by its
 * absolute path; or a key path in a pyproject.toml) and a 1-based line. For a line continued with {@code \}, the
 * line is the first physical line, as pip reports it. Line 0 means the file as a whole.
 *
 * @param file the file
 * @param line the 1-based line, or 0
 */
public record Origin(String file, int line) {

    /** Validates the parts. */
    public Origin {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more: " + line);
        }
    }

    /** {@code file:line}, or just the file for line 0. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
