package io.github.wheelscout.version;

import io.github.wheelscout.util.PythonRepr;

/**
 * A string that is not a PEP 440 version specifier. The message is packaging's, word for word:
 * {@code Invalid specifier: '>=1.0.*'} (the offending specifier, stripped, as Python's {@code repr()} prints it;
 * for a comma-separated set, the first bad item).
 */
public final class InvalidSpecifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    /** The exception for {@code input}, which is not a valid specifier. */
    public InvalidSpecifierException(String input) {
        this(input, "Invalid specifier: " + PythonRepr.of(input));
    }

    InvalidSpecifierException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The specifier that is not valid. */
    public String input() {
        return input;
    }
}
