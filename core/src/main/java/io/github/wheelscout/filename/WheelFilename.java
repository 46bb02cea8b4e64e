package io.github.wheelscout.filename;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.CompressedTagSet;
import io.github.wheelscout.tags.InvalidTagException;
import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonStrings;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel filename, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (the binary distribution
 * format, PEP 427), parsed exactly as packaging 26.3's {@code parse_wheel_filename}: what it accepts is accepted,
 * what it rejects is rejected with its message.
 *
 * @param filename the filename as given, {@link #toString()}
 * @param name the project name, normalised (PEP 503: Python's {@code lower()}, runs of {@code -_.} as one
 *     {@code -})
 * @param version the version
 * @param build the build tag, or null when the filename has none (see {@link #buildTag()})
 * @param tags the expanded tag set, lower-case ({@code cp39.cp310-abi3-...} stands for two tags)
 */
public record WheelFilename(String filename, ProjectName name, Version version, BuildTag build,
        CompressedTagSet tags) {

    /** Requires every part but the build tag. */
    public WheelFilename {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tags, "tags");
    }

    /**
     * Parses a wheel filename (not a path or URL: only the last component).
     *
     * @throws InvalidWheelFilenameException with packaging's message and the failing {@link
     *     InvalidWheelFilenameException.Part part}, checked in packaging's order: extension, parts, name, version,
     *     build, tags
     */
    public static WheelFilename parse(String filename) {
        if (!filename.endsWith(".whl")) {
            throw invalid(filename, InvalidWheelFilenameException.Part.EXTENSION,
                    "Invalid wheel filename (extension must be '.whl'): " + PythonRepr.of(filename), null);
        }
        int end = filename.length() - 4;
        int dash1 = -1;
        int dash2 = -1;
        int dash3 = -1;
        int dashes = 0;
        for (int i = 0; i < end; i++) {
            if (filename.charAt(i) == '-') {
                dashes++;
                if (dashes == 1) {
                    dash1 = i;
                } else if (dashes == 2) {
                    dash2 = i;
                } else if (dashes == 3) {
                    dash3 = i;
                }
            }
        }
        if (dashes != 4 && dashes != 5) {
            throw invalid(filename, InvalidWheelFilenameException.Part.PARTS,
                    "Invalid wheel filename (wrong number of parts): " + stem(filename), null);
        }

        if (!isValidName(filename, dash1)) {
            throw invalid(filename, InvalidWheelFilenameException.Part.NAME,
                    "Invalid project name: " + stem(filename), null);
        }
        ProjectName name = new ProjectName(normalizeName(filename.substring(0, dash1)));

        Version version = Version.tryParse(filename.substring(dash1 + 1, dash2)).orElse(null);
        if (version == null) {
            throw invalid(filename, InvalidWheelFilenameException.Part.VERSION,
                    "Invalid wheel filename (invalid version): " + stem(filename), null);
        }

        BuildTag build = null;
        int tagsStart = dash2 + 1;
        if (dashes == 5) {
            build = buildTag(filename, dash2 + 1, dash3);
            tagsStart = dash3 + 1;
        }

        CompressedTagSet tags;
        try {
            tags = CompressedTagSet.parse(filename.substring(tagsStart, end));
        } catch (InvalidTagException e) {
            throw invalid(filename, InvalidWheelFilenameException.Part.TAGS,
                    "Invalid wheel filename (invalid tag component): " + stem(filename), e);
        }
        return new WheelFilename(filename, name, version, build, tags);
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
            if (cp != '.' && !PythonStrings.isWordChar(cp)) {
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

    /** packaging's {@code (\d+)(.*)} with {@code re.ASCII}, matched at the start of {@code s[from, to)}. */
    private static BuildTag buildTag(String s, int from, int to) {
        int digitsEnd = from;
        while (digitsEnd < to && s.charAt(digitsEnd) >= '0' && s.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == from) {
            throw invalid(s, InvalidWheelFilenameException.Part.BUILD,
                    "Invalid build number: " + s.substring(from, to) + " in " + stem(s), null);
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

    private static String stem(String filename) {
        return PythonRepr.of(filename.substring(0, filename.length() - 4));
    }

    private static InvalidWheelFilenameException invalid(String input, InvalidWheelFilenameException.Part part,
            String message, Throwable cause) {
        return new InvalidWheelFilenameException(input, part, message, cause);
    }

    /** The build tag, if the filename has one. */
    public Optional<BuildTag> buildTag() {
        return Optional.ofNullable(build);
    }

    /** The filename as given. */
    @Override
    public String toString() {
        return filename;
    }
}
