package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.Selection;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * One package pip installs on a target, and why it is there.
 *
 * @param name         the project
 * @param version      the version pip installs, or {@code null} when the package is not resolved from an index
 *                     ({@link #unresolved()})
 * @param extras       the extras installed with it (their dependencies are part of the resolution), sorted
 * @param selection    pip's choice of file, with the decision trail: {@link Selection#pick()} is the file pip
 *                     installs; {@code null} when not resolved from an index
 * @param direct       whether a requirement the user gave names it
 * @param via          the chain of projects from a requirement the user gave to this one, both included
 *                     ({@code [pandas, numpy]}); empty for a direct requirement
 * @param requiredBy   every requirement on it in the resolution, with who asks
 * @param dependencies whether its own dependencies are known
 * @param newest       when the resolver chose an older version than the newest the requirements allow (it
 *                     backtracked), that newest version; else {@code null}
 * @param unresolved   why the package is not resolved from an index (an index error, a URL requirement), or
 *                     {@code null}
 */
public record ResolvedPackage(
        ProjectName name,
        Version version,
        SortedSet<String> extras,
        Selection selection,
        boolean direct,
        List<ProjectName> via,
        List<Dependent> requiredBy,
        Dependencies dependencies,
        Version newest,
        String unresolved) {

    /** Checks and freezes the fields. */
    public ResolvedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dependencies, "dependencies");
        extras = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(extras));
        via = List.copyOf(via);
        requiredBy = List.copyOf(requiredBy);
        if ((version == null) != (unresolved != null)) {
            throw new IllegalArgumentException("a package has a version exactly when it is resolved from an index");
        }
    }

    /** The chain as text, {@code pandas → numpy}; empty for a direct requirement. */
    public String viaText() {
        return String.join(" → ", via.stream().map(ProjectName::value).toList());
    }

    /**
     * A requirement on a package, and who has it.
     *
     * @param parent        the project whose metadata requires it, or {@code null} for a requirement the user gave
     * @param parentVersion that project's version, or {@code null}
     * @param parentExtras  the extras of the parent that bring the requirement (empty when none)
     * @param requirement   the requirement as pip prints it ({@code numpy>=1.26.0; python_version >= "3.12"})
     */
    public record Dependent(ProjectName parent, Version parentVersion, SortedSet<String> parentExtras,
            String requirement) {

        /** Checks and freezes the fields. */
        public Dependent {
            Objects.requireNonNull(requirement, "requirement");
            parentExtras = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(parentExtras));
        }

        /** {@code pandas 2.3.3 requires numpy>=1.26.0}, or {@code the user requires numpy}. */
        @Override
        public String toString() {
            String who = parent == null ? "the user" : parent + (parentExtras.isEmpty() ? ""
                    : "[" + String.join(",", parentExtras) + "]") + " " + parentVersion;
            return who + " requires " + requirement;
        }
    }

    /**
     * Whether a package's own dependencies are known.
     *
     * @param status known, unknown (the index has no metadata for the release, or some of them cannot be
     *               resolved from an index) or an index error
     * @param reason why they are not known, or {@code null}
     */
    public record Dependencies(Status status, String reason) {

        /** Whether a package's dependencies are known. */
        public enum Status {
            /** Read from the release's metadata. */
            KNOWN,
            /** The index cannot say (no metadata), or some are not resolved from an index: never "none". */
            UNKNOWN,
            /** The index failed while asked: unknown too. */
            INDEX_ERROR;

            /** {@code known}, {@code unknown} or {@code index-error}. */
            public String word() {
                return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        }

        /** Known dependencies. */
        public static final Dependencies KNOWN = new Dependencies(Status.KNOWN, null);

        /** Checks the fields. */
        public Dependencies {
            Objects.requireNonNull(status, "status");
            if ((status == Status.KNOWN) != (reason == null)) {
                throw new IllegalArgumentException("unknown dependencies need a reason, known ones none");
            }
        }

        /** Whether they are known. */
        public boolean isKnown() {
            return status == Status.KNOWN;
        }
    }
}
