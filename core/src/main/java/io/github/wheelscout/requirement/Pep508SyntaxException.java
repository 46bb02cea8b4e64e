package io.github.wheelscout.requirement;

/**
 * A string that PEP 508's grammar rejects, with what was wrong and where: packaging's {@code ParserSyntaxError},
 * as its {@code InvalidRequirement} and {@code InvalidMarker} carry it. The message is packaging's, word for word:
 * for a syntax error three lines (what was expected, the input, and a pointer of {@code ~} under the offending
 * span ending in {@code ^}); without a position, the reason alone.
 */
public abstract sealed class Pep508SyntaxException extends IllegalArgumentException
        permits InvalidMarkerException, InvalidRequirementException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;
    private final int start;
    private final int end;

    Pep508SyntaxException(String input, String reason, int start, int end) {
        super(start < 0 ? reason : SyntaxErrors.format(reason, input, start, end));
        this.input = input;
        this.reason = reason;
        this.start = start;
        this.end = end;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** What was wrong, in one line, e.g. {@code Expected URL after @}. */
    public String reason() {
        return reason;
    }

    /** Where the offending span starts, in code points from the start of the input, or -1 if unknown. */
    public int start() {
        return start;
    }

    /** Where the offending span ends (exclusive; the pointer's {@code ^} sits here), in code points, or -1. */
    public int end() {
        return end;
    }
}
