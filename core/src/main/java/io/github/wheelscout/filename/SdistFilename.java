package io.github.wheelscout.filename;

import io.github.wheelscout.name.ProjectName;
import java.util.Objects;
import java.util.Optional;

/**
 * A source distribution's filename read as pip reads it when it knows which project it is looking for
 * ({@code LinkEvaluator.evaluate_link}): strip a supported archive extension, find the first {@code -} whose
 * prefix canonicalises to the project's name, and take the rest as the version. A trailing {@code -pyX.Y}
 * (a legacy per-Python sdist) is split off into {@link #pythonVersion}.
 *
 * <p>Sdist names are ambiguous on their own ({@code foo-bar-1.0.tar.gz} is {@code foo-bar} 1.0 or {@code foo}
 * {@code bar-1.0}), which is why there is no {@code parse(String)} without a project.
 *
 * @param filename      the whole filename, e.g. {@code psycopg2-2.9.11.tar.gz}
 * @param name          the project it was matched against
 * @param version       the version as spelled in the filename, unparsed, e.g. {@code 2.9.11}
 * @param extension     the archive extension as spelled, e.g. {@code .tar.gz}
 * @param pythonVersion the {@code X.Y} of a {@code -pyX.Y} suffix, or {@code null} when there is none
 */
public record SdistFilename(String filename, ProjectName name, String version, String extension, String pythonVersion) {

    /**
     * The archive extensions pip accepts for a source distribution ({@code SUPPORTED_EXTENSIONS} without
     * {@code .whl}), compared case-sensitively as pip does.
     */
    private static final String[] EXTENSIONS = {
        ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma",
    };

    /** Checks the required fields. */
    public SdistFilename {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(extension, "extension");
    }

    /**
     * Reads {@code filename} as an sdist of {@code project}; empty when pip would not take it as one: an
     * unsupported extension, a name part that is not {@code project}'s, or no version after it.
     */
    public static Optional<SdistFilename> parse(String filename, ProjectName project) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(project, "project");
        String extension = extensionOf(filename);
        if (extension == null) {
            return Optional.empty();
        }
        String stem = filename.substring(0, filename.length() - extension.length());
        int separator = nameVersionSeparator(stem, project.value());
        if (separator < 0 || separator == stem.length() - 1) {
            return Optional.empty();
        }
        String version = stem.substring(separator + 1);
        String pythonVersion = null;
        int py = pyVersionSuffix(version);
        if (py >= 0) {
            pythonVersion = version.substring(py + 3);
            version = version.substring(0, py);
        }
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SdistFilename(filename, project, version, extension, pythonVersion));
    }

    /** The version part of {@code filename} as an sdist of {@code project}, or empty. */
    public static Optional<String> version(String filename, ProjectName project) {
        return parse(filename, project).map(SdistFilename::version);
    }

    /** The whole filename. */
    @Override
    public String toString() {
        return filename;
    }

    /**
     * pip's {@code splitext}: the last dot-suffix, widened to {@code .tar.X} when the stem ends in
     * {@code .tar}; then it must be a supported extension.
     */
    private static String extensionOf(String filename) {
        int slash = filename.lastIndexOf('/');
        int dot = filename.lastIndexOf('.');
        if (dot <= slash + 1) {
            return null; // no extension, or a dot-file (posixpath.splitext ignores leading dots)
        }
        String ext = filename.substring(dot);
        String base = filename.substring(0, dot);
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(".tar")) {
            ext = base.substring(base.length() - 4) + ext;
        }
        for (String supported : EXTENSIONS) {
            if (supported.equals(ext)) {
                return ext;
            }
        }
        return null;
    }

    /** pip's {@code _find_name_version_sep}: the first dash whose prefix canonicalises to the name. */
    private static int nameVersionSeparator(String stem, String canonicalName) {
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-' && ProjectName.normalize(stem.substring(0, i)).equals(canonicalName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where pip's {@code -py([123]\.?[0-9]?)$} matches at the end of {@code version}, or -1. Written out
     * rather than as a regex because it runs for every sdist of every page.
     */
    private static int pyVersionSuffix(String version) {
        // "-py" and one to three more characters; the longest match starts leftmost, as re.search finds it
        for (int length = 6; length >= 4; length--) {
            int start = version.length() - length;
            if (start >= 0 && version.startsWith("-py", start) && matchesPyTail(version.substring(start + 3))) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesPyTail(String tail) {
        // [123]\.?[0-9]?
        if (tail.isEmpty() || tail.charAt(0) < '1' || tail.charAt(0) > '3') {
            return false;
        }
        int i = 1;
        if (i < tail.length() && tail.charAt(i) == '.') {
            i++;
        }
        if (i < tail.length() && tail.charAt(i) >= '0' && tail.charAt(i) <= '9') {
            i++;
        }
        return i == tail.length();
    }
}
