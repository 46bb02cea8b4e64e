package io.github.wheelscout.requirement;

/**
 * A string that is not a PEP 508 environment marker (packaging's {@code InvalidMarker}). The message is
 * packaging's, word for word, in three lines: what was expected, the input, and a pointer of {@code ~} under the
 * offending span ending in {@code ^}.
 */
public final class InvalidMarkerException extends Pep508SyntaxException {

    private static final long serialVersionUID = 1L;

    InvalidMarkerException(String input, String reason, int start, int end) {
        super(input, reason, start, end);
    }
}
