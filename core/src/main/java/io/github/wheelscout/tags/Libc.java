package io.github.wheelscout.tags;

import java.util.Locale;
import java.util.Objects;

/**
 * The C library of a Linux machine and its version: glibc X.Y (manylinux wheels) or musl X.Y (musllinux wheels).
 * Only major and minor count; a patch level given to {@link #parse(String)} is dropped.
 *
 * @param family glibc or musl
 * @param major the major version (glibc: 2; musl: 1)
 * @param minor the minor version
 */
public record Libc(Family family, int major, int minor) {

    /** The two C libraries wheel tags know. */
    public enum Family {
        /** GNU libc: Debian, Ubuntu, Amazon Linux, RHEL, ...; manylinux wheels. */
        GLIBC("glibc"),
        /** musl: Alpine; musllinux wheels. */
        MUSL("musl");

        private final String word;

        Family(String word) {
            this.word = word;
        }

        /** {@code glibc} or {@code musl}. */
        public String word() {
            return word;
        }

        /** The wheel platform family this C library accepts. */
        public PlatformTag.Family wheelFamily() {
            return this == GLIBC ? PlatformTag.Family.MANYLINUX : PlatformTag.Family.MUSLLINUX;
        }
    }

    /** Requires glibc 2 or later (manylinux tags start at glibc 2) and non-negative numbers. */
    public Libc {
        Objects.requireNonNull(family, "family");
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative " + family.word() + " version " + major + "." + minor);
        }
        if (family == Family.GLIBC && major < 2) {
            throw new IllegalArgumentException("glibc " + major + "." + minor + " is not a glibc version (2.x)");
        }
    }

    /** glibc {@code major.minor}. */
    public static Libc glibc(int major, int minor) {
        return new Libc(Family.GLIBC, major, minor);
    }

    /** musl {@code major.minor}. */
    public static Libc musl(int major, int minor) {
        return new Libc(Family.MUSL, major, minor);
    }

    /**
     * Parses {@code glibc 2.36}, {@code glibc2.36}, {@code musl 1.2.5}, {@code musl1.2}.
     *
     * @throws IllegalArgumentException naming the input if it is neither
     */
    public static Libc parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        for (Family family : Family.values()) {
            if (s.startsWith(family.word())) {
                return of(family, s.substring(family.word().length()).strip(), text);
            }
        }
        throw new IllegalArgumentException("invalid C library '" + text + "': expected glibc X.Y or musl X.Y");
    }

    /**
     * The C library {@code family} at version {@code version} ({@code 2.36}, {@code 1.2.5}: the patch is dropped).
     *
     * @throws IllegalArgumentException naming the input if the version is not {@code X.Y[.Z...]}
     */
    public static Libc of(Family family, String version) {
        return of(family, version, family.word() + " " + version);
    }

    private static Libc of(Family family, String version, String input) {
        String[] parts = version.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("invalid C library '" + input + "': expected " + family.word()
                    + " X.Y");
        }
        try {
            return new Libc(family, parseNumber(parts[0]), parseNumber(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid C library '" + input + "': " + e.getMessage(), e);
        }
    }

    private static int parseNumber(String s) {
        if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + s + "' is not a version number");
        }
        return Integer.parseInt(s);
    }

    /** Whether this C library is at least {@code other} (same family, version not older). */
    public boolean isAtLeast(Libc other) {
        return family == other.family && (major > other.major || (major == other.major && minor >= other.minor));
    }

    /** The compact form used in target ids: {@code glibc2.36}, {@code musl1.2}. */
    public String compact() {
        return family.word() + major + "." + minor;
    }

    /** {@code glibc 2.36}, {@code musl 1.2}. */
    @Override
    public String toString() {
        return family.word() + " " + major + "." + minor;
    }
}
