package io.github.wheelscout.requirement;

import io.github.wheelscout.util.UrlRedaction;
import java.util.Objects;

/**
 * A line of a requirements file (or an entry of a pyproject.toml) that could not be read: where, and what was
 * wrong or expected. Reading goes on after it; the other lines are kept.
 *
 * @param origin the file and line
 * @param column the 1-based column (in code points, in the line after comments and continuations are removed),
 *     or 0 when no single place is to blame
 * @param message what was wrong or expected; credentials of URLs it quotes are redacted
 */
public record RequirementsFileError(Origin origin, int column, String message) {

    /** Validates the parts. */
    public RequirementsFileError {
        Objects.requireNonNull(origin, "origin");
        // Messages quote lines and URLs (an --index-url, a remote include): never a private index's token.
        message = UrlRedaction.text(Objects.requireNonNull(message, "message"));
    }

    /** {@code file:line:column} (or {@code file:line}), the place an editor jumps to. */
    public String source() {
        return column > 0 ? origin + ":" + column : origin.toString();
    }

    /** {@code file:line:column: message}. */
    @Override
    public String toString() {
        return source() + ": " + message;
    }
}
