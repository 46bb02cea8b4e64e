package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * pip's {@code --no-binary} and {@code --only-binary}: which projects may install from wheels and which from
 * source distributions. Values are applied in the order given, each a comma-separated list of project names,
 * {@code :all:} or {@code :none:}, with pip's rules: {@code :all:} clears both sets, a name moves from one set
 * to the other, {@code :none:} clears the set being added to.
 *
 * @param noBinary   projects (canonical names, or {@code :all:}) that must not install from a wheel
 * @param onlyBinary projects (canonical names, or {@code :all:}) that must not install from source
 */
public record FormatControl(Set<String> noBinary, Set<String> onlyBinary) {

    /** Wheels and sdists allowed for every project: pip's default. */
    public static final FormatControl DEFAULT = new FormatControl(Set.of(), Set.of());

    /** Freezes the sets. */
    public FormatControl {
        noBinary = Set.copyOf(noBinary);
        onlyBinary = Set.copyOf(onlyBinary);
    }

    /** The control after {@code --no-binary VALUE}. */
    public FormatControl withNoBinary(String value) {
        Set<String> target = new LinkedHashSet<>(noBinary);
        Set<String> other = new LinkedHashSet<>(onlyBinary);
        ProjectSelectors.apply("--no-binary / --only-binary", value, target, other);
        return new FormatControl(target, other);
    }

    /** The control after {@code --only-binary VALUE}. */
    public FormatControl withOnlyBinary(String value) {
        Set<String> target = new LinkedHashSet<>(onlyBinary);
        Set<String> other = new LinkedHashSet<>(noBinary);
        ProjectSelectors.apply("--no-binary / --only-binary", value, target, other);
        return new FormatControl(other, target);
    }

    /** Whether pip may install {@code project} from a wheel. */
    public boolean allowsBinary(ProjectName project) {
        String name = project.value();
        if (onlyBinary.contains(name)) {
            return true;
        }
        if (noBinary.contains(name)) {
            return false;
        }
        return onlyBinary.contains(ProjectSelectors.ALL) || !noBinary.contains(ProjectSelectors.ALL);
    }

    /** Whether pip may install {@code project} from a source distribution. */
    public boolean allowsSource(ProjectName project) {
        String name = project.value();
        if (onlyBinary.contains(name)) {
            return false;
        }
        if (noBinary.contains(name)) {
            return true;
        }
        return !onlyBinary.contains(ProjectSelectors.ALL);
    }


    /** The options that produce this control, as pip would print them. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!noBinary.isEmpty()) {
            out.append("--no-binary ").append(String.join(",", new java.util.TreeSet<>(noBinary)));
        }
        if (!onlyBinary.isEmpty()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("--only-binary ").append(String.join(",", new java.util.TreeSet<>(onlyBinary)));
        }
        return out.toString();
    }
}
