package io.github.wheelscout.name;

import java.util.Locale;
import java.util.Objects;

/**
 * A project name in its PEP 503 canonical form: lower case, every run of {@code -}, {@code _} and {@code .}
 * replaced by one {@code -}. Two spellings of one project ({@code Foo.Bar}, {@code foo_bar}) are equal as
 * {@code ProjectName}s. This type does not validate: the parsers that read names (requirements, wheel
 * filenames) decide what a valid name is; this is only the identity used to look projects up.
 *
 * @param value the canonical form
 */
public record ProjectName(String value) implements Comparable<ProjectName> {

    /** Requires {@code value} to be canonical already; use {@link #of(String)} for any spelling. */
    public ProjectName {
        Objects.requireNonNull(value, "value");
        if (!value.equals(normalize(value))) {
            throw new IllegalArgumentException("not a canonical project name: '" + value + "'");
        }
    }

    /** The project named by any spelling of its name. */
    public static ProjectName of(String name) {
        return new ProjectName(normalize(name));
    }

    /**
     * The PEP 503 canonical form of {@code name}, as packaging's {@code canonicalize_name}: lower-cased with
     * Python's full Unicode rules (which Java's root-locale lower-casing matches), then runs of {@code -_.}
     * collapsed to one {@code -}.
     */
    public static String normalize(String name) {
        if (isCanonical(name)) {
            return name; // the common case: no copy
        }
        // packaging lower-cases first, then collapses separators (the order matters for a final sigma).
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean inSeparatorRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isSeparator(c)) {
                if (!inSeparatorRun) {
                    out.append('-');
                }
                inSeparatorRun = true;
            } else {
                out.append(c);
                inSeparatorRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isCanonical(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (c == '-' && (i == 0 || name.charAt(i - 1) != '-'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    // equals and hashCode are written out rather than generated: a record's generated ones are linked on first
    // use (ObjectMethods), which cost a short run about 20 ms of start-up, and this type is compared at start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectName other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(ProjectName other) {
        return value.compareTo(other.value);
    }

    /** The canonical form. */
    @Override
    public String toString() {
        return value;
    }
}
