package io.github.wheelscout.tags;

/**
 * A tag string that packaging's {@code parse_tag} rejects: not three {@code -}-separated parts, an empty member
 * ({@code py3..py2}), or an interpreter that is not a Python identifier ({@code 3py}). The message is packaging's.
 */
public final class InvalidTagException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    InvalidTagException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The tag string that was rejected, unchanged. */
    public String input() {
        return input;
    }
}
