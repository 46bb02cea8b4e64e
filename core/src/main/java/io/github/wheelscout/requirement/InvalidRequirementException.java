package io.github.wheelscout.requirement;

/**
 * A string that is not a PEP 508 dependency specifier (packaging's {@code InvalidRequirement}). The message is
 * packaging's, word for word: for a syntax error three lines (what was expected, the input, and a pointer of
 * {@code ~} under the offending span ending in {@code ^}); for a bad version specifier packaging's one line
 * {@code Invalid specifier: '...'}.
 */
public final class InvalidRequirementException extends Pep508SyntaxException {

    private static final long serialVersionUID = 1L;

    InvalidRequirementException(String input, String reason, int start, int end) {
        super(input, reason, start, end);
    }
}
