package io.github.wheelscout.filename;

import java.util.Locale;
import java.util.Objects;

/**
 * A string that is not a valid wheel filename, as packaging 26.3's {@code parse_wheel_filename} judges it. The
 * message is packaging's, word for word (it quotes the input with Python's {@code repr}); {@link #part()} says
 * which check failed.
 */
public final class InvalidWheelFilenameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The check that rejected the filename, in the order packaging runs them. */
    public enum Part {
        /** The filename does not end with {@code .whl} (case-sensitive). */
        EXTENSION,
        /** The filename without {@code .whl} does not have exactly 4 or 5 {@code -}. */
        PARTS,
        /** The project name is empty, contains {@code __} or a character other than word characters and {@code .}. */
        NAME,
        /** The version is not a PEP 440 version. */
        VERSION,
        /** The build tag does not start with an ASCII digit. */
        BUILD,
        /** A tag member is empty or an interpreter is not a Python identifier. */
        TAGS;

        /** {@code extension}, {@code parts}, {@code name}, {@code version}, {@code build} or {@code tags}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String input;
    private final Part part;

    InvalidWheelFilenameException(String input, Part part, String message, Throwable cause) {
        super(message, cause);
        this.input = Objects.requireNonNull(input, "input");
        this.part = Objects.requireNonNull(part, "part");
    }

    /** The rejected input, unchanged. */
    public String input() {
        return input;
    }

    /** Which part of the filename is wrong. */
    public Part part() {
        return part;
    }
}
