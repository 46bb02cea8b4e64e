package io.github.wheelscout.advise.dockerfile;

import java.util.Objects;

/**
 * A construct of a Dockerfile the reader could not follow, reported instead of guessed: an {@code ARG} without a
 * value used in {@code FROM}, a {@code pip install} of a variable, a requirements file not copied from the build
 * context, an install by another tool.
 *
 * @param line        the line of the instruction
 * @param instruction the instruction, shortened
 * @param reason      what could not be followed
 */
public record Unfollowed(int line, String instruction, String reason) {

    /** Checks the fields. */
    public Unfollowed {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code line N: reason (instruction)}. */
    @Override
    public String toString() {
        return "line " + line + ": " + reason + " (" + instruction + ")";
    }
}
