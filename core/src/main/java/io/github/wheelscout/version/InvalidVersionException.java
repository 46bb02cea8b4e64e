package io.github.wheelscout.version;

import io.github.wheelscout.util.PythonRepr;

/**
 * A string that is not a PEP 440 version. The message is packaging's, word for word:
 * {@code Invalid version: '1.0-'} (the input as Python's {@code repr()} prints it).
 */
public final class InvalidVersionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    /** The exception for {@code input}, which is not a valid version. */
    public InvalidVersionException(String input) {
        super("Invalid version: " + PythonRepr.of(input));
        this.input = input;
    }

    /** The text that failed to parse, as given. */
    public String input() {
        return input;
    }
}
