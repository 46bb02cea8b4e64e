package io.github.wheelscout.filename;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.CompressedTagSet;
import io.github.wheelscout.tags.InvalidTagException;
import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonStrings;
import io.github.wheelscout.util.PythonText;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel filename, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (the binary distribution
 * format, PEP 427), parsed exactly as packaging 26.3's {@code parse_wheel_filename}: what it accepts is accepted,
 * what it rejects is rejected with its message.
 *
 * <p>Equal when all five parts are equal. Instances are immutable and thread-safe. A parsed filename normalises
 * its project name only when {@link #name()} is first called, and builds a version that is a bare release of short
 * numbers ({@code 3.10.8}, most versions) only when {@link #version()} is first called (the parse has checked it):
 * matching wheels against a target needs neither.
 */
public final class WheelFilename {

    /**
     * The most digits a release number may have for the parse to leave the version for {@link #version()} to
     * build: any {@code N(.N)*} of such numbers is a valid version, read by {@code Version}'s short path.
     */
    private static final int MAX_DEFERRED_DIGITS = 18;

    /**
     * The longest build number, in digits: Python's limit for {@code int(str)}, above which packaging raises
     * {@code ValueError} rather than returning a wheel filename (and converting it would cost quadratic time).
     */
    private static final int MAX_BUILD_DIGITS = 4300;

    private final String filename;
    /** The end of the name in {@link #filename} (its first dash), read by {@link #name()}; -1 when given. */
    private final int nameEnd;
    /** The end of the version in {@link #filename} (it starts after {@link #nameEnd}), read by {@link #version()}. */
    private final int versionEnd;
    private final BuildTag build;
    private final CompressedTagSet tags;
    // Normalised (name) and built (version) on first use; a race does it twice and stores equal immutable values,
    // which is harmless.
    private ProjectName name;
    private Version version;

    /**
     * A wheel filename from its parts (the parts are not checked against each other).
     *
     * @param filename the filename as given, {@link #toString()}
     * @param name the project name, normalised (PEP 503: Python's {@code lower()}, runs of {@code -_.} as one
     *     {@code -})
     * @param version the version
     * @param build the build tag, or null when the filename has none (see {@link #buildTag()})
     * @param tags the expanded tag set, lower-case ({@code cp39.cp310-abi3-...} stands for two tags)
     */
    public WheelFilename(String filename, ProjectName name, Version version, BuildTag build, CompressedTagSet tags) {
        this(filename, -1, Objects.requireNonNull(name, "name"), -1, Objects.requireNonNull(version, "version"),
                build, tags);
    }

    /** {@code version} null: {@code filename[nameEnd + 1, versionEnd)}, checked by the parse, is built on first use. */
    private WheelFilename(String filename, int nameEnd, ProjectName name, int versionEnd, Version version,
            BuildTag build, CompressedTagSet tags) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.nameEnd = nameEnd;
        this.name = name;
        this.versionEnd = versionEnd;
        this.version = version;
        this.build = build;
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    /**
     * Parses a wheel filename (not a path or URL: only the last component).
     *
     * @throws InvalidWheelFilenameException with packaging's message and the failing {@link
     *     InvalidWheelFilenameException.Part part}, checked in packaging's order: extension, parts, name, version,
     *     build, tags (a version or build number of more than 4300 digits, which packaging cannot convert, is
     *     invalid)
     */
    public static WheelFilename parse(String filename) {
        return parse(filename, true);
    }

    /**
     * {@link #parse(String)}, or empty when {@code filename} is not a valid wheel filename. Throws nothing and
     * builds no message, so it is the cheap way to sort many names.
     */
    public static Optional<WheelFilename> tryParse(String filename) {
        return Optional.ofNullable(parse(filename, false));
    }

    /** Parses; on failure throws when {@code throwing}, else returns null. */
    private static WheelFilename parse(String filename, boolean throwing) {
        if (!filename.endsWith(".whl")) {
            return fail(throwing, filename, InvalidWheelFilenameException.Part.EXTENSION);
        }
        int end = filename.length() - 4;
        // The name runs to the first dash; an ASCII name (the usual one) is checked on the way, one with other
        // characters by isValidName, after the parts, as packaging orders its checks.
        int dash1 = 0;
        boolean asciiName = true;
        boolean validAsciiName = true;
        for (char previous = 0; dash1 < end; dash1++) {
            char c = filename.charAt(dash1);
            if (c == '-') {
                break;
            }
            if (c >= 0x80) {
                asciiName = false;
            } else if (c == '_' ? previous == '_' : c != '.' && !PythonText.isWordCharacter(c)) {
                validAsciiName = false;
            }
            previous = c;
        }
        if (dash1 > 0 && dash1 < end && asciiName && validAsciiName) {
            // The usual filename has no build tag: its version runs to the next dash, and the parse of the tag
            // set after it counts the dashes left (it must find exactly two). Anything else, a build tag or an
            // error to report, takes the general path below, which finds every dash first.
            // A bare release of short numbers is checked on the way and built only if asked for; any other
            // version is read now.
            int versionEnd = dash1 + 1;
            int digits = 0;
            boolean plain = true;
            for (char c; versionEnd < end && (c = filename.charAt(versionEnd)) != '-'; versionEnd++) {
                if (c >= '0' && c <= '9') {
                    plain &= ++digits <= MAX_DEFERRED_DIGITS;
                } else {
                    plain &= c == '.' && digits > 0;
                    digits = 0;
                }
            }
            plain &= digits > 0; // not empty, no trailing dot
            Version version = plain || versionEnd == end ? null
                    : Version.tryParse(filename, dash1 + 1, versionEnd).orElse(null);
            CompressedTagSet tags = (plain || version != null) && versionEnd < end
                    ? CompressedTagSet.parse(filename, versionEnd + 1, end, false) : null;
            if (tags != null) {
                return new WheelFilename(filename, dash1, null, versionEnd, version, null, tags);
            }
        }
        int dash2 = -1;
        int dash3 = -1;
        int dashes = dash1 < end ? 1 : 0;
        for (int i = dash1 + 1; i < end; i++) {
            if (filename.charAt(i) == '-') {
                dashes++;
                if (dashes == 2) {
                    dash2 = i;
                } else if (dashes == 3) {
                    dash3 = i;
                }
            }
        }
        if (dashes != 4 && dashes != 5) {
            return fail(throwing, filename, InvalidWheelFilenameException.Part.PARTS);
        }
        if (dash1 == 0 || !(asciiName ? validAsciiName : isValidName(filename, dash1))) {
            return fail(throwing, filename, InvalidWheelFilenameException.Part.NAME);
        }
        Version version = Version.tryParse(filename, dash1 + 1, dash2).orElse(null);
        if (version == null) {
            return fail(throwing, filename, InvalidWheelFilenameException.Part.VERSION);
        }
        BuildTag build = null;
        int tagsStart = dash2 + 1;
        if (dashes == 5) {
            build = buildTag(filename, dash2 + 1, dash3);
            if (build == null) {
                return fail(throwing, filename, InvalidWheelFilenameException.Part.BUILD);
            }
            tagsStart = dash3 + 1;
        }
        CompressedTagSet tags = CompressedTagSet.parse(filename, tagsStart, end, false);
        if (tags == null) {
            return fail(throwing, filename, InvalidWheelFilenameException.Part.TAGS);
        }
        return new WheelFilename(filename, dash1, null, dash2, version, build, tags);
    }

    /** Null, or the exception with packaging's message for {@code part} when {@code throwing}. */
    private static WheelFilename fail(boolean throwing, String filename, InvalidWheelFilenameException.Part part) {
        if (!throwing) {
            return null;
        }
        int end = filename.length() - 4;
        String stem = part == InvalidWheelFilenameException.Part.EXTENSION ? null
                : PythonRepr.of(filename.substring(0, end));
        switch (part) {
            case EXTENSION:
                throw invalid(filename, part,
                        "Invalid wheel filename (extension must be '.whl'): " + PythonRepr.of(filename), null);
            case PARTS:
                throw invalid(filename, part, "Invalid wheel filename (wrong number of parts): " + stem, null);
            case NAME:
                throw invalid(filename, part, "Invalid project name: " + stem, null);
            case VERSION:
                Throwable cause = null;
                try {
                    Version.parse(filename.split("-", -1)[1]);
                } catch (IllegalArgumentException e) {
                    cause = e;
                }
                throw invalid(filename, part, "Invalid wheel filename (invalid version): " + stem, cause);
            case BUILD:
                throw invalid(filename, part, "Invalid build number: " + filename.split("-", -1)[2] + " in " + stem,
                        null);
            default:
                int tagsStart = nthDash(filename, end, dashCount(filename, end) - 3) + 1;
                Throwable tagError = null;
                try {
                    CompressedTagSet.parse(filename.substring(tagsStart, end));
                } catch (InvalidTagException e) {
                    tagError = e;
                }
                throw invalid(filename, part, "Invalid wheel filename (invalid tag component): " + stem, tagError);
        }
    }

    private static int dashCount(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '-') {
                n++;
            }
        }
        return n;
    }

    /** The index of the {@code n}-th (0-based) dash of {@code s[0, end)}. */
    private static int nthDash(String s, int end, int n) {
        int seen = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '-' && seen++ == n) {
                return i;
            }
        }
        return -1;
    }

    /**
     * packaging's {@code _wheel_name_regex} ({@code ^[\w._]+\Z}, Unicode) and its {@code __} check on
     * {@code s[0, end)}.
     */
    private static boolean isValidName(String s, int end) {
        if (end == 0) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < end; ) {
            int cp = s.codePointAt(i);
            if (cp == '_' && previous == '_') {
                return false;
            }
            if (cp != '.' && !PythonText.isWordCharacter(cp)) {
                return false;
            }
            previous = (char) (cp == '_' ? '_' : 0);
            i += Character.charCount(cp);
        }
        return true;
    }

    /** packaging's {@code canonicalize_name}: lower-case first (Python's rules), then {@code _}/{@code .} → {@code -}, runs collapsed. */
    private static String normalizeName(String raw) {
        boolean simple = true;
        for (int i = 0; i < raw.length() && simple; i++) {
            char c = raw.charAt(i);
            simple = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        if (simple) {
            return raw;
        }
        String lower = PythonStrings.lower(raw);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' || c == '.' || c == '-') {
                if (out.length() == 0 || out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * packaging's {@code (\d+)(.*)} with {@code re.ASCII}, matched at the start of {@code s[from, to)}; null when
     * it does not match.
     */
    private static BuildTag buildTag(String s, int from, int to) {
        int digitsEnd = from;
        while (digitsEnd < to && s.charAt(digitsEnd) >= '0' && s.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == from || digitsEnd - from > MAX_BUILD_DIGITS) {
            return null;
        }
        BigInteger number = digitsEnd - from <= 18
                ? BigInteger.valueOf(Long.parseLong(s, from, digitsEnd, 10))
                : new BigInteger(s.substring(from, digitsEnd));
        // '.' in Python's regular expressions stops at a line feed, and only there.
        int restEnd = s.indexOf('\n', digitsEnd);
        if (restEnd < 0 || restEnd > to) {
            restEnd = to;
        }
        return new BuildTag(number, digitsEnd == restEnd ? "" : s.substring(digitsEnd, restEnd));
    }

    private static InvalidWheelFilenameException invalid(String input, InvalidWheelFilenameException.Part part,
            String message, Throwable cause) {
        return new InvalidWheelFilenameException(input, part, message, cause);
    }

    /** The filename as given, {@link #toString()}. */
    public String filename() {
        return filename;
    }

    /**
     * The project name, normalised (PEP 503: Python's {@code lower()}, runs of {@code -_.} as one {@code -}).
     */
    public ProjectName name() {
        ProjectName n = name;
        if (n == null) {
            n = new ProjectName(normalizeName(filename.substring(0, nameEnd)));
            name = n;
        }
        return n;
    }

    /** The version. */
    public Version version() {
        Version v = version;
        if (v == null) {
            // The parse found filename[nameEnd + 1, versionEnd) to be a bare release of short numbers: valid.
            v = Version.tryParse(filename, nameEnd + 1, versionEnd).orElseThrow();
            version = v;
        }
        return v;
    }

    /** The build tag, or null when the filename has none (see {@link #buildTag()}). */
    public BuildTag build() {
        return build;
    }

    /** The expanded tag set, lower-case ({@code cp39.cp310-abi3-...} stands for two tags). */
    public CompressedTagSet tags() {
        return tags;
    }

    /** The build tag, if the filename has one. */
    public Optional<BuildTag> buildTag() {
        return Optional.ofNullable(build);
    }

    /** Equal filenames, names, versions, build tags and tag sets. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WheelFilename w && filename.equals(w.filename) && name().equals(w.name())
                && version().equals(w.version()) && Objects.equals(build, w.build) && tags.equals(w.tags);
    }

    @Override
    public int hashCode() {
        int h = filename.hashCode();
        h = 31 * h + name().hashCode();
        h = 31 * h + version().hashCode();
        h = 31 * h + Objects.hashCode(build);
        return 31 * h + tags.hashCode();
    }

    /** The filename as given. */
    @Override
    public String toString() {
        return filename;
    }
}
