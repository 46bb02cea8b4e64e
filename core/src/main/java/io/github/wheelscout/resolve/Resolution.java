package io.github.wheelscout.resolve;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What pip installs on one target for a set of requirements: every package with its version and why it is there,
 * or, when pip's resolver finds no set of versions that works, why not.
 *
 * @param target   the target
 * @param status   whether the resolution succeeded
 * @param packages every package pip installs (empty unless {@link Status#RESOLVED}), direct requirements first in
 *                 the order given, then the others ordered by their chain ({@link ResolvedPackage#via()})
 * @param conflict why nothing can be installed, for {@link Status#CONFLICT} and {@link Status#TOO_DEEP}; else
 *                 {@code null}
 * @param rounds   how many rounds pip's resolver took (a measure of backtracking)
 */
public record Resolution(Target target, Status status, List<ResolvedPackage> packages, Conflict conflict, int rounds) {

    /** How a resolution ended. */
    public enum Status {
        /** A set of versions satisfies every requirement: {@link #packages()} is what pip installs. */
        RESOLVED,
        /** No set of versions satisfies every requirement: pip installs nothing (ResolutionImpossible). */
        CONFLICT,
        /** pip's resolver gives up after its round limit (ResolutionTooDeep): pip installs nothing. */
        TOO_DEEP;

        /** {@code resolved}, {@code conflict} or {@code too-deep}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks and freezes the fields. */
    public Resolution {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        packages = List.copyOf(packages);
        if ((status == Status.RESOLVED) != (conflict == null)) {
            throw new IllegalArgumentException("a conflict explains exactly the resolutions that fail");
        }
    }

    /** Whether pip installs something (every requirement is satisfied). */
    public boolean isResolved() {
        return status == Status.RESOLVED;
    }

    /** The package of {@code project}, when pip installs it. */
    public Optional<ResolvedPackage> find(ProjectName project) {
        return packages.stream().filter(p -> p.name().equals(project)).findFirst();
    }

    /**
     * The packages whose dependencies are not known (the index has no metadata for them, failed, or they are not
     * resolved from an index): what they bring is missing from {@link #packages()}.
     */
    public List<ResolvedPackage> unknownDependencies() {
        return packages.stream().filter(p -> !p.dependencies().isKnown()).toList();
    }

    /** Whether the resolution succeeded and nothing in it is unknown. */
    public boolean isComplete() {
        return isResolved() && unknownDependencies().isEmpty();
    }
}
