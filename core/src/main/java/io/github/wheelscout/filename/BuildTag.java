package io.github.wheelscout.filename;

import io.github.wheelscout.util.PythonText;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The optional build tag of a wheel filename ({@code foo-1.0-1abc-py3-none-any.whl} has {@code 1abc}): a number,
 * of any size, and the rest of the tag. Ordered as packaging orders its {@code (int, str)} tuple: by number, then
 * by the rest, code point by code point.
 *
 * @param number the leading ASCII digits as a number
 * @param rest what follows the digits, up to (not including) the first line feed, possibly empty
 */
public record BuildTag(BigInteger number, String rest) implements Comparable<BuildTag> {

    /** Requires a non-negative number and a rest without line feed. */
    public BuildTag {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(rest, "rest");
        if (number.signum() < 0) {
            throw new IllegalArgumentException("negative build number " + number);
        }
        if (rest.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("build tag rest contains a line feed");
        }
    }

    @Override
    public int compareTo(BuildTag other) {
        int c = number.compareTo(other.number);
        if (c != 0) {
            return c;
        }
        return PythonText.compare(rest, other.rest); // by code point, as Python
    }

    /** The number followed by the rest, e.g. {@code 1abc}. */
    @Override
    public String toString() {
        return number + rest;
    }
}
