package io.github.wheelscout.analysis;

import java.util.Locale;

/** What pip would do with one requirement on one target. */
public enum Verdict {
    /** Installs a wheel built for the target's platform. */
    WHEEL,
    /** Installs a pure-Python wheel (platform {@code any}). */
    PURE_WHEEL,
    /** Builds the source distribution: needs a build environment, maybe a compiler. */
    SOURCE_BUILD,
    /** Nothing installable: pip fails. The outcome's reason says why. */
    NO_MATCH,
    /** The index does not know the project. */
    NOT_FOUND,
    /** The index failed, so the answer is unknown. Never a success. */
    ERROR,
    /** The requirement's marker is false on the target: pip skips it. */
    NOT_NEEDED,
    /** A URL, path or editable requirement: not resolved from an index, so not analysed. */
    NOT_ANALYSED;

    /** Whether pip installs from a wheel: {@link #WHEEL} or {@link #PURE_WHEEL}. */
    public boolean isWheel() {
        return this == WHEEL || this == PURE_WHEEL;
    }

    /** Whether pip installs something: a wheel or a source build. */
    public boolean installs() {
        return isWheel() || this == SOURCE_BUILD;
    }

    /** The word used in every output format, e.g. {@code source-build}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The verdict written as {@code word}, e.g. {@code pure-wheel}. */
    public static Verdict ofWord(String word) {
        for (Verdict v : values()) {
            if (v.word().equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + word + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Verdict::word).toList());
    }

    /** {@link #word()}. */
    @Override
    public String toString() {
        return word();
    }
}
