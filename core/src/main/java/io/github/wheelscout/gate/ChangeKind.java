package io.github.wheelscout.gate;

import java.util.Arrays;
import java.util.Locale;

/**
 * How one requirement's outcome on one target changed between the base and the head requirements. The gate ranks
 * outcomes from best to worst: a wheel (platform or pure), a source build, nothing installable (no match, not on
 * the index); "absent" (no such requirement, or its marker false on the target) and "not analysed" (a URL, path
 * or editable) stand apart.
 */
public enum ChangeKind {
    /**
     * Worse than before: a wheel before and a source build or nothing installable now, or a source build before
     * and nothing installable now. Fails the gate unless the baseline accepts it.
     */
    REGRESSION,
    /**
     * A requirement new in the head, or newly needed on this target (its marker was false), or newly resolved
     * from the index (it was a URL or path), that builds from source or cannot be installed. Fails the gate
     * unless the baseline accepts it.
     */
    NEW_BUILD,
    /** Better than before: the reverse of a regression or of a new build (a wheel now, or no longer needed). */
    FIXED,
    /** The same rank on both sides (the version may have changed: a wheel of 2.0 after a wheel of 1.26). */
    UNCHANGED,
    /** A requirement new in the head, or newly needed here, that installs from a wheel or is not needed. */
    ADDED,
    /** A requirement gone from the head, or no longer needed here, that was a wheel (or not analysed) before. */
    REMOVED,
    /** The head's requirement is a URL, path or editable install: not resolved from an index, not judged. */
    NOT_ANALYSED,
    /** An index error on either side left the comparison unknown: never a success unless errors are allowed. */
    UNKNOWN;

    /** Whether a change of this kind fails the gate unless the baseline accepts it. */
    public boolean canFail() {
        return this == REGRESSION || this == NEW_BUILD;
    }

    /** The word used in every output format, e.g. {@code new-build}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind written as {@code word}, e.g. {@code new-build}. */
    public static ChangeKind ofWord(String word) {
        for (ChangeKind kind : values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown change '" + word + "'; expected one of "
                + Arrays.stream(values()).map(ChangeKind::word).toList());
    }

    /** {@link #word()}. */
    @Override
    public String toString() {
        return word();
    }
}
