package io.github.wheelscout.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform part of a wheel tag as a model rather than a string: {@code manylinux_X_Y_arch} (with the legacy
 * aliases {@code manylinux1}, {@code manylinux2010}, {@code manylinux2014}), {@code musllinux_X_Y_arch},
 * {@code linux_arch}, {@code any}, and everything else (macOS, Windows, iOS, Android, WebAssembly, ...), which is
 * kept as its string and never fits a Linux target.
 *
 * <p>Parsing is strict about the numbers ({@code manylinux_02_17_x86_64} is not a manylinux tag, because no
 * machine lists it) and {@link #toString()} gives back exactly the tag that was parsed.
 */
public sealed interface PlatformTag
        permits PlatformTag.Any, PlatformTag.Linux, PlatformTag.Manylinux, PlatformTag.Musllinux, PlatformTag.Other {

    /** What kind of machine a platform tag is for. */
    enum Family {
        /** {@code any}: pure Python, every machine. */
        ANY("any"),
        /** {@code linux_<arch>}: built on and for one Linux machine, no portability promise. */
        LINUX("linux"),
        /** {@code manylinux_*}: Linux with glibc of at least the version in the tag. */
        MANYLINUX("manylinux"),
        /** {@code musllinux_*}: Linux with musl of at least the version in the tag. */
        MUSLLINUX("musllinux"),
        /** {@code macosx_*}. */
        MACOS("macOS"),
        /** {@code win32}, {@code win_*}. */
        WINDOWS("Windows"),
        /** {@code ios_*}. */
        IOS("iOS"),
        /** {@code android_*}. */
        ANDROID("Android"),
        /** {@code emscripten_*}, {@code pyodide_*}, {@code wasi_*}: WebAssembly. */
        WEBASSEMBLY("WebAssembly"),
        /** Any other platform tag (other operating systems, malformed Linux tags). */
        OTHER("other");

        private final String displayName;

        Family(String displayName) {
            this.displayName = displayName;
        }

        /** A short human name: {@code manylinux}, {@code musllinux}, {@code macOS}, {@code Windows}, ... */
        public String displayName() {
            return displayName;
        }

        /** Whether wheels of this family can ever fit a Linux machine. */
        public boolean isLinux() {
            return this == ANY || this == LINUX || this == MANYLINUX || this == MUSLLINUX;
        }
    }

    /** The family of this tag. */
    Family family();

    /** The architecture word of a Linux tag ({@code x86_64}, {@code aarch64}, ...); empty for other tags. */
    Optional<String> arch();

    /** The tag exactly as written in a wheel filename (lower-case). */
    @Override
    String toString();

    /**
     * The model of a platform tag. Never fails: a tag that is no known Linux form is an {@link Other} of the
     * family its prefix names.
     */
    static PlatformTag parse(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.equals("any")) {
            return Any.INSTANCE;
        }
        if (tag.startsWith("linux_") && tag.length() > 6) {
            return new Linux(tag.substring(6));
        }
        if (tag.startsWith("manylinux")) {
            PlatformTag parsed = parseManylinux(tag);
            if (parsed != null) {
                return parsed;
            }
        } else if (tag.startsWith("musllinux_")) {
            int[] numbers = new int[2];
            int archStart = parseVersionPrefix(tag, 10, numbers);
            if (archStart > 0) {
                return new Musllinux(numbers[0], numbers[1], tag.substring(archStart));
            }
        }
        return new Other(tag, otherFamily(tag));
    }

    private static PlatformTag parseManylinux(String tag) {
        if (tag.startsWith("manylinux_")) {
            int[] numbers = new int[2];
            int archStart = parseVersionPrefix(tag, 10, numbers);
            return archStart > 0 ? new Manylinux(numbers[0], numbers[1], tag.substring(archStart), false) : null;
        }
        for (String alias : new String[] {"manylinux1_", "manylinux2010_", "manylinux2014_"}) {
            if (tag.startsWith(alias) && tag.length() > alias.length()) {
                int glibcMinor = Manylinux.legacyGlibcMinor(alias.substring(0, alias.length() - 1));
                return new Manylinux(2, glibcMinor, tag.substring(alias.length()), true);
            }
        }
        return null;
    }

    /**
     * Reads {@code X_Y_} at {@code from} into {@code out} (canonical decimal numbers: no sign, no leading zero);
     * returns the index after the second {@code _} when a non-empty architecture follows, else -1.
     */
    private static int parseVersionPrefix(String tag, int from, int[] out) {
        int i = from;
        for (int k = 0; k < 2; k++) {
            int start = i;
            long value = 0;
            while (i < tag.length() && tag.charAt(i) >= '0' && tag.charAt(i) <= '9') {
                value = value * 10 + (tag.charAt(i) - '0');
                if (value > Integer.MAX_VALUE) {
                    return -1;
                }
                i++;
            }
            if (i == start || (tag.charAt(start) == '0' && i - start > 1) || i >= tag.length()
                    || tag.charAt(i) != '_') {
                return -1;
            }
            out[k] = (int) value;
            i++;
        }
        return i < tag.length() ? i : -1;
    }

    private static Family otherFamily(String tag) {
        if (tag.startsWith("macosx_")) {
            return Family.MACOS;
        }
        if (tag.equals("win32") || tag.startsWith("win_")) {
            return Family.WINDOWS;
        }
        if (tag.startsWith("ios_")) {
            return Family.IOS;
        }
        if (tag.startsWith("android_")) {
            return Family.ANDROID;
        }
        if (tag.startsWith("emscripten_") || tag.startsWith("pyodide_") || tag.startsWith("wasi_")) {
            return Family.WEBASSEMBLY;
        }
        return Family.OTHER;
    }

    /** {@code any}: the platform of pure-Python wheels. */
    record Any() implements PlatformTag {

        /** The one instance. */
        public static final Any INSTANCE = new Any();

        @Override
        public Family family() {
            return Family.ANY;
        }

        @Override
        public Optional<String> arch() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /**
     * {@code linux_<arch>}: a wheel built for one Linux machine (no libc promise).
     *
     * @param architecture the architecture word, e.g. {@code armv6l}
     */
    record Linux(String architecture) implements PlatformTag {

        /** Requires a non-empty architecture. */
        public Linux {
            requireArch(architecture);
        }

        @Override
        public Family family() {
            return Family.LINUX;
        }

        @Override
        public Optional<String> arch() {
            return Optional.of(architecture);
        }

        @Override
        public String toString() {
            return "linux_" + architecture;
        }
    }

    /**
     * {@code manylinux_X_Y_<arch>} (PEP 600): Linux with glibc X.Y or newer; or one of its legacy aliases
     * {@code manylinux1} (glibc 2.5), {@code manylinux2010} (2.12), {@code manylinux2014} (2.17).
     *
     * @param glibcMajor the glibc major version, e.g. 2
     * @param glibcMinor the glibc minor version, e.g. 17
     * @param architecture the architecture word, e.g. {@code x86_64}
     * @param legacyAlias whether the tag is written with its legacy alias ({@code manylinux2014_x86_64})
     */
    record Manylinux(int glibcMajor, int glibcMinor, String architecture, boolean legacyAlias)
            implements PlatformTag {

        /** Requires a legacy alias to exist for the glibc version and the numbers to be non-negative. */
        public Manylinux {
            requireArch(architecture);
            if (glibcMajor < 0 || glibcMinor < 0) {
                throw new IllegalArgumentException("negative glibc version " + glibcMajor + "." + glibcMinor);
            }
            if (legacyAlias && legacyName(glibcMajor, glibcMinor) == null) {
                throw new IllegalArgumentException("no legacy manylinux alias for glibc " + glibcMajor + "."
                        + glibcMinor);
            }
        }

        /** The PEP 600 form {@code manylinux_X_Y_arch}. */
        public static Manylinux of(int glibcMajor, int glibcMinor, String architecture) {
            return new Manylinux(glibcMajor, glibcMinor, architecture, false);
        }

        /** {@code manylinux1}, {@code manylinux2010} or {@code manylinux2014} for glibc 2.5, 2.12, 2.17; else null. */
        public static String legacyName(int glibcMajor, int glibcMinor) {
            if (glibcMajor != 2) {
                return null;
            }
            switch (glibcMinor) {
                case 5:
                    return "manylinux1";
                case 12:
                    return "manylinux2010";
                case 17:
                    return "manylinux2014";
                default:
                    return null;
            }
        }

        static int legacyGlibcMinor(String legacyName) {
            switch (legacyName) {
                case "manylinux1":
                    return 5;
                case "manylinux2010":
                    return 12;
                default:
                    return 17;
            }
        }

        /** This tag with its legacy alias, when glibc 2.5, 2.12 or 2.17 has one. */
        public Optional<Manylinux> legacyTwin() {
            return !legacyAlias && legacyName(glibcMajor, glibcMinor) != null
                    ? Optional.of(new Manylinux(glibcMajor, glibcMinor, architecture, true))
                    : Optional.empty();
        }

        /** The glibc version this tag needs, e.g. {@code glibc 2.17}. */
        public Libc glibc() {
            return Libc.glibc(glibcMajor, glibcMinor);
        }

        @Override
        public Family family() {
            return Family.MANYLINUX;
        }

        @Override
        public Optional<String> arch() {
            return Optional.of(architecture);
        }

        @Override
        public String toString() {
            if (legacyAlias) {
                return legacyName(glibcMajor, glibcMinor) + "_" + architecture;
            }
            return "manylinux_" + glibcMajor + "_" + glibcMinor + "_" + architecture;
        }
    }

    /**
     * {@code musllinux_X_Y_<arch>} (PEP 656): Linux with musl X.Y or newer.
     *
     * @param muslMajor the musl major version, e.g. 1
     * @param muslMinor the musl minor version, e.g. 2
     * @param architecture the architecture word
     */
    record Musllinux(int muslMajor, int muslMinor, String architecture) implements PlatformTag {

        /** Requires non-negative numbers and a non-empty architecture. */
        public Musllinux {
            requireArch(architecture);
            if (muslMajor < 0 || muslMinor < 0) {
                throw new IllegalArgumentException("negative musl version " + muslMajor + "." + muslMinor);
            }
        }

        /** The musl version this tag needs, e.g. {@code musl 1.2}. */
        public Libc musl() {
            return Libc.musl(muslMajor, muslMinor);
        }

        @Override
        public Family family() {
            return Family.MUSLLINUX;
        }

        @Override
        public Optional<String> arch() {
            return Optional.of(architecture);
        }

        @Override
        public String toString() {
            return "musllinux_" + muslMajor + "_" + muslMinor + "_" + architecture;
        }
    }

    /**
     * Any platform tag that is none of the Linux forms: {@code macosx_11_0_arm64}, {@code win_amd64},
     * {@code ios_13_0_arm64_iphoneos}, {@code android_21_arm64_v8a}, {@code pyodide_2024_0_wasm32}, or a
     * malformed Linux tag.
     *
     * @param tag the tag as written
     * @param family the operating system its prefix names, or {@link Family#OTHER}
     */
    record Other(String tag, Family family) implements PlatformTag {

        /** Requires a tag and a non-Linux family. */
        public Other {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(family, "family");
        }

        @Override
        public Optional<String> arch() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return tag;
        }
    }

    private static void requireArch(String architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (architecture.isEmpty()) {
            throw new IllegalArgumentException("empty architecture");
        }
    }
}
