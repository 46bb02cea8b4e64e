package io.github.wheelscout.advise;

import java.util.Objects;

/**
 * The distribution's own package of a project that pip would build from source (or cannot install) on an image
 * that uses the distribution's Python, and whether its version satisfies the requirement.
 *
 * @param pkg         the package ({@code py3-psycopg2 2.9.9-r0})
 * @param fit         whether its upstream version satisfies the requirement's specifier
 * @param requirement the requirement as written, for the sentence
 */
public record DistroOption(DistroPackage pkg, Fit fit, String requirement) {

    /** How the package's version compares with the requirement. */
    public enum Fit {
        /** Its upstream version satisfies the specifier: installing it avoids the build. */
        SATISFIES,
        /** Its upstream version does not satisfy the specifier. */
        DOES_NOT_SATISFY,
        /** Its version cannot be read as a PEP 440 version ({@code _git2024...}): nothing can be said. */
        NOT_COMPARABLE;

        /** {@code satisfies}, {@code does-not-satisfy}, {@code not-comparable}. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks the fields. */
    public DistroOption {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(requirement, "requirement");
    }

    /** The install command for the package ({@code apk add --no-cache py3-psycopg2}). */
    public String installCommand() {
        return pkg.installCommand();
    }

    /**
     * One sentence, e.g. "py3-psycopg2 2.9.9-r0 satisfies psycopg2==2.9.9: apk add --no-cache py3-psycopg2
     * installs it without a build (pip sees it from a virtual environment made with --system-site-packages)".
     */
    public String sentence() {
        String what = pkg.name() + " " + pkg.version();
        return switch (fit) {
            case SATISFIES -> what + " satisfies " + requirement + ": " + installCommand() + " installs it without a"
                    + " build (pip sees it from a virtual environment made with --system-site-packages)";
            case DOES_NOT_SATISFY -> "the distribution packages " + what + ", which does not satisfy " + requirement;
            case NOT_COMPARABLE -> "the distribution packages " + what + ", whose version cannot be compared with "
                    + requirement;
        };
    }
}
