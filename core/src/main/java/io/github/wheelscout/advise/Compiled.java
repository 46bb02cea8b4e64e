package io.github.wheelscout.advise;

/**
 * Whether building a project from source compiles code, as Alpine's packaging tells it: {@code arch="noarch"}
 * means pure Python; a compiler, a {@code -dev} package or a native build tool among the build dependencies
 * means compiled; anything else is unknown (mostly pure Python restricted to some architectures).
 */
public enum Compiled {
    /** The build compiles C, C++, Fortran, Rust or other native code. */
    YES,
    /** A pure-Python build: no compiler needed. */
    NO,
    /** The data does not tell. */
    UNKNOWN;

    /** The value of the data's {@code compiled} column ({@code yes}, {@code no}, {@code unknown}). */
    public static Compiled parse(String value) {
        return switch (value) {
            case "yes" -> YES;
            case "no" -> NO;
            case "unknown" -> UNKNOWN;
            default -> throw new IllegalArgumentException("not a compiled value: '" + value + "'");
        };
    }

    /** The column's spelling: {@code yes}, {@code no} or {@code unknown}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
