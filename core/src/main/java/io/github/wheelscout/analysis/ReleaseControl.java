package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * pip's pre-release options: {@code --pre} (which pip turns into {@code --all-releases :all:}),
 * {@code --all-releases} and {@code --only-final}, each a comma-separated list of project names,
 * {@code :all:} or {@code :none:}, applied in order with the same rules as {@link FormatControl}.
 *
 * @param allReleases projects (canonical names, or {@code :all:}) for which pre-releases are allowed
 * @param onlyFinal   projects (canonical names, or {@code :all:}) for which pre-releases are never taken
 */
public record ReleaseControl(Set<String> allReleases, Set<String> onlyFinal) {

    /** No option given: the requirement's specifier decides, as in packaging's {@code filter}. */
    public static final ReleaseControl DEFAULT = new ReleaseControl(Set.of(), Set.of());

    /** {@code --pre}. */
    public static final ReleaseControl PRE = DEFAULT.withAllReleases(":all:");

    /** Freezes the sets. */
    public ReleaseControl {
        allReleases = Set.copyOf(allReleases);
        onlyFinal = Set.copyOf(onlyFinal);
    }

    /** The control after {@code --all-releases VALUE}. */
    public ReleaseControl withAllReleases(String value) {
        Set<String> target = new LinkedHashSet<>(allReleases);
        Set<String> other = new LinkedHashSet<>(onlyFinal);
        ProjectSelectors.apply("--all-releases / --only-final", value, target, other);
        return new ReleaseControl(target, other);
    }

    /** The control after {@code --only-final VALUE}. */
    public ReleaseControl withOnlyFinal(String value) {
        Set<String> target = new LinkedHashSet<>(onlyFinal);
        Set<String> other = new LinkedHashSet<>(allReleases);
        ProjectSelectors.apply("--all-releases / --only-final", value, target, other);
        return new ReleaseControl(other, target);
    }

    /**
     * Whether pre-releases of {@code project} are allowed: {@code true} or {@code false} when an option says,
     * {@code null} when the specifier decides (pip's {@code ReleaseControl.allows_prereleases}).
     */
    public Boolean allowsPrereleases(ProjectName project) {
        String name = project.value();
        if (allReleases.contains(name)) {
            return Boolean.TRUE;
        }
        if (onlyFinal.contains(name)) {
            return Boolean.FALSE;
        }
        if (allReleases.contains(ProjectSelectors.ALL)) {
            return Boolean.TRUE;
        }
        if (onlyFinal.contains(ProjectSelectors.ALL)) {
            return Boolean.FALSE;
        }
        return null;
    }

}
