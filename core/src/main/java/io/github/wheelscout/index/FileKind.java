package io.github.wheelscout.index;

/** What a file on an index is, judged by its name. */
public enum FileKind {
    /** A built distribution ({@code .whl}). */
    WHEEL,
    /** A source distribution ({@code .tar.gz}, {@code .zip}, and the older archive forms pip still accepts). */
    SDIST,
    /** Anything else an index lists (eggs, {@code .exe} and {@code .msi} installers, signatures): pip never installs it. */
    OTHER;

    /** The kind of a file with this name. */
    public static FileKind of(String filename) {
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".whl")) {
            return WHEEL;
        }
        for (String ext : SDIST_EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return SDIST;
            }
        }
        return OTHER;
    }

    /** The archive extensions pip accepts for a source distribution (pip's {@code SUPPORTED_EXTENSIONS}). */
    static final String[] SDIST_EXTENSIONS = {
        ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma",
    };

    /** The form used in JSON output: {@code wheel}, {@code sdist} or {@code other}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
