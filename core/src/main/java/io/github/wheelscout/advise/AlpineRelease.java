package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * An Alpine Linux release line: {@code 3.20} (any {@code 3.20.x}) or {@code edge}. Ordered by version, edge
 * last.
 *
 * @param major the major version, or {@code Integer.MAX_VALUE} for edge
 * @param minor the minor version, or {@code Integer.MAX_VALUE} for edge
 */
public record AlpineRelease(int major, int minor) implements Comparable<AlpineRelease> {

    /** The moving development branch. */
    public static final AlpineRelease EDGE = new AlpineRelease(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** Checks the fields. */
    public AlpineRelease {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative Alpine version " + major + "." + minor);
        }
    }

    /**
     * Parses {@code 3.20}, {@code 3.20.3}, {@code v3.20} or {@code edge}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static AlpineRelease parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("edge")) {
            return EDGE;
        }
        String s = text.startsWith("v") ? text.substring(1) : text;
        String[] parts = s.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("not an Alpine release: '" + text + "' (expected A.B, A.B.C or edge)");
        }
        try {
            for (String p : parts) {
                if (p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9') || p.length() > 6) {
                    throw new NumberFormatException(p);
                }
            }
            return new AlpineRelease(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an Alpine release: '" + text + "' (expected A.B, A.B.C or edge)",
                    e);
        }
    }

    /** Whether this is edge. */
    public boolean isEdge() {
        return this.equals(EDGE);
    }

    @Override
    public int compareTo(AlpineRelease other) {
        int c = Integer.compare(major, other.major);
        return c != 0 ? c : Integer.compare(minor, other.minor);
    }

    /** {@code A.B} or {@code edge}. */
    @Override
    public String toString() {
        return isEdge() ? "edge" : major + "." + minor;
    }
}
