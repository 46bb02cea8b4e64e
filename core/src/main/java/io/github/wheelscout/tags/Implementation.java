package io.github.wheelscout.tags;

import java.util.Locale;
import java.util.Objects;

/**
 * A Python implementation as wheel tags and markers name it.
 *
 * @param name {@code sys.implementation.name}: {@code cpython}, {@code pypy}, {@code graalpy}, ...
 * @param tagPrefix the interpreter tag's prefix (packaging's {@code interpreter_name()}): {@code cp}, {@code pp},
 *     or the name itself when packaging has no short name ({@code graalpy})
 * @param pythonImplementation what {@code platform.python_implementation()} returns ({@code CPython},
 *     {@code PyPy}, {@code GraalVM}), the {@code platform_python_implementation} marker
 */
public record Implementation(String name, String tagPrefix, String pythonImplementation) {

    /** CPython: interpreter tags {@code cp3Y}, ABI {@code cp3Y[t]}, the stable ABI {@code abi3}. */
    public static final Implementation CPYTHON = new Implementation("cpython", "cp", "CPython");
    /** PyPy: interpreter tags {@code pp3Y}, ABI {@code pypy3Y_pp73}. */
    public static final Implementation PYPY = new Implementation("pypy", "pp", "PyPy");
    /** GraalPy: interpreter tags {@code graalpy3Y}, ABI {@code graalpyVVV_3Y_native}. */
    public static final Implementation GRAALPY = new Implementation("graalpy", "graalpy", "GraalVM");
    /** IronPython ({@code ip}). */
    public static final Implementation IRONPYTHON = new Implementation("ironpython", "ip", "IronPython");
    /** Jython ({@code jy}). */
    public static final Implementation JYTHON = new Implementation("jython", "jy", "Jython");

    private static final Implementation[] KNOWN = {CPYTHON, PYPY, GRAALPY, IRONPYTHON, JYTHON};

    /** Requires lower-case words. */
    public Implementation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tagPrefix, "tagPrefix");
        Objects.requireNonNull(pythonImplementation, "pythonImplementation");
        if (!isWord(name) || !isWord(tagPrefix)) {
            throw new IllegalArgumentException("invalid implementation name '" + name + "'");
        }
    }

    /**
     * The implementation named {@code text}, by short or long name ({@code cp}, {@code cpython}, {@code pp},
     * {@code pypy}, {@code graalpy}); any other lower-case word is an implementation packaging has no short name
     * for, which tags use as is.
     *
     * @throws IllegalArgumentException naming the input if it is not a word, or is {@code py} (the generic tag)
     */
    public static Implementation parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        for (Implementation known : KNOWN) {
            if (known.name.equals(s) || known.tagPrefix.equals(s)) {
                return known;
            }
        }
        if (!isWord(s) || s.equals("py") || s.equals("python")) {
            throw new IllegalArgumentException("invalid implementation '" + text
                    + "': expected cp (CPython), pp (PyPy), graalpy or another implementation's name");
        }
        return new Implementation(s, s, s);
    }

    private static boolean isWord(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    }

    /** Whether this is CPython. */
    public boolean isCPython() {
        return this.equals(CPYTHON);
    }

    /** Whether this is PyPy. */
    public boolean isPyPy() {
        return this.equals(PYPY);
    }

    // equals and hashCode are written out rather than generated: a record's generated ones are linked on first
    // use (ObjectMethods), which cost a short run about 20 ms of start-up, and this type is compared at start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof Implementation other && name.equals(other.name) && tagPrefix.equals(other.tagPrefix)
                && pythonImplementation.equals(other.pythonImplementation);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + tagPrefix.hashCode()) * 31 + pythonImplementation.hashCode();
    }

    /** The tag prefix, e.g. {@code cp}. */
    @Override
    public String toString() {
        return tagPrefix;
    }
}
