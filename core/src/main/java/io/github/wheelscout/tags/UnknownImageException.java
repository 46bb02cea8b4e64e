package io.github.wheelscout.tags;

/**
 * An image reference that is not in wheelscout's image table. The message names the input, the nearest known
 * references and the patterns the table covers.
 */
public final class UnknownImageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    UnknownImageException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The image reference as given. */
    public String input() {
        return input;
    }
}
