package io.github.wheelscout.analysis;

/**
 * Why pip takes or leaves one file of a project, in the order pip checks (its {@code LinkEvaluator}, then
 * the version filter, the hash filter and the resolver's yanked rule).
 */
public enum FileStatus {
    /** Passed every check: pip may install it (the pick is the most preferred candidate). */
    CANDIDATE,
    /** Not an archive pip installs (an egg, an installer, a signature). */
    UNSUPPORTED_FORMAT,
    /** {@code --no-binary} applies to this project and this is a wheel. */
    BINARY_NOT_ALLOWED,
    /** The wheel's filename is invalid; pip skips it. */
    INVALID_FILENAME,
    /** The wheel is named for another project. */
    DIFFERENT_PROJECT,
    /** None of the wheel's tags is supported by the target. */
    INCOMPATIBLE_WHEEL,
    /** {@code --only-binary} applies to this project and this is a source distribution. */
    SOURCE_NOT_ALLOWED,
    /** The version is missing from the filename or is not a PEP 440 version; pip skips the file. */
    INVALID_VERSION,
    /** A legacy {@code -pyX.Y} source distribution for another Python. */
    PYTHON_VERSION_MISMATCH,
    /** The file's Requires-Python excludes the target's Python. */
    REQUIRES_PYTHON,
    /** The version does not satisfy the requirement's specifier (and constraints). */
    EXCLUDED_BY_SPECIFIER,
    /** A pre-release that the specifier and the pre-release options do not allow. */
    PRERELEASE,
    /** {@code --hash} is given and this file's hash is not among the allowed ones. */
    HASH_MISMATCH,
    /** Yanked (PEP 592), and the requirement does not pin it with {@code ==} or {@code ===}. */
    YANKED;

    /** The form used in JSON output, e.g. {@code incompatible-wheel}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
