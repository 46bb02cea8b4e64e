package io.github.wheelscout.analysis;

import java.util.Locale;

/** What building a release from source involves, judged from the wheels it ships for other platforms. */
public enum BuildKind {
    /**
     * The release has platform-specific wheels elsewhere: it contains a compiled extension, so the build needs
     * a compiler toolchain and the headers of what it links.
     */
    COMPILED,
    /** The release ships only pure-Python wheels: its sdist is pure Python, a cheap build. */
    PURE_PYTHON,
    /** The release ships no wheel at all, so its files don't tell whether it compiles. */
    UNKNOWN;

    /** The word used in JSON, e.g. {@code pure-python}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return word();
    }
}
