package io.github.wheelscout.gate;

import java.util.Locale;

/** The gate's verdict on a whole comparison. */
public enum GateStatus {
    /** No regression and no unaccepted new build, and every result is known (or errors are allowed). */
    PASS,
    /** Some regression or new build is not accepted by the baseline. */
    FAIL,
    /** An index error left some comparison unknown: fail closed. */
    UNKNOWN;

    /** The word used in every output format, e.g. {@code pass}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #word()}. */
    @Override
    public String toString() {
        return word();
    }
}
