package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.SpecifierSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What pip is asked for one project on one target: the combined specifier of every requirement and
 * constraint that applies there, the allowed hashes, and the options that change pip's choice.
 *
 * @param project      the project
 * @param specifier    every applicable specifier, joined (pip intersects them)
 * @param hashes       {@code --hash} values, hash name to allowed hex digests; empty when not hash-checking
 * @param formats      {@code --no-binary} / {@code --only-binary}
 * @param releases     {@code --pre} / {@code --all-releases} / {@code --only-final}
 * @param preferBinary {@code --prefer-binary}: the newest version with a wheel beats a newer sdist
 */
public record SelectionRequest(
        ProjectName project,
        SpecifierSet specifier,
        Map<String, Set<String>> hashes,
        FormatControl formats,
        ReleaseControl releases,
        boolean preferBinary) {

    /** Checks and freezes the fields. */
    public SelectionRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(specifier, "specifier");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(releases, "releases");
        hashes = Map.copyOf(hashes);
    }

    /** A request for {@code project} with {@code specifier} and pip's default options. */
    public static SelectionRequest of(ProjectName project, SpecifierSet specifier) {
        return new SelectionRequest(project, specifier, Map.of(), FormatControl.DEFAULT, ReleaseControl.DEFAULT, false);
    }

    /**
     * Whether the specifier pins one version ({@code ==} without a wildcard, or {@code ===}): the one case in
     * which pip installs a yanked file (PEP 592), and only when every candidate is yanked.
     */
    public boolean isPinned() {
        return specifier.specifiers().stream().anyMatch(s -> switch (s.operator()) {
            case ARBITRARY -> true;
            case EQUAL -> !s.isWildcard();
            default -> false;
        });
    }
}
