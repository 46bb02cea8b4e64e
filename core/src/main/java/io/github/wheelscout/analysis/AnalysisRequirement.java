package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.Requirement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One requirement to analyse, wherever it was written (a requirements file, pyproject.toml, a command line, a
 * Dockerfile), with its origin.
 *
 * @param text        the requirement as written, for display
 * @param name        the project it names
 * @param requirement the parsed PEP 508 requirement; for a direct reference its URL is set
 * @param source      where it was written ({@code requirements.txt:12}), or {@code null} when it was given on
 *                    the command line
 * @param hashes      its {@code --hash} values, hash name to allowed digests; empty when none
 * @param notIndexed  why it is not resolved from an index (a URL, a local path, an editable install), or
 *                    {@code null} for an ordinary requirement
 */
public record AnalysisRequirement(
        String text,
        ProjectName name,
        Requirement requirement,
        String source,
        Map<String, Set<String>> hashes,
        String notIndexed) {

    /** Checks and freezes the fields. */
    public AnalysisRequirement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        hashes = Map.copyOf(hashes);
    }

    /** A requirement from its PEP 508 text, with no origin; a direct reference ({@code name @ url}) is not indexed. */
    public static AnalysisRequirement of(String pep508) {
        return of(Requirement.parse(pep508), null);
    }

    /** {@code requirement} written at {@code source}; a direct reference ({@code name @ url}) is not indexed. */
    public static AnalysisRequirement of(Requirement requirement, String source) {
        return new AnalysisRequirement(requirement.toString(), requirement.projectName(), requirement, source,
                Map.of(), requirement.url().map(u -> "a direct reference (" + u + "), not resolved from an index")
                        .orElse(null));
    }

    /** Whether pip resolves it from an index (so that wheelscout can analyse it). */
    public boolean isIndexed() {
        return notIndexed == null && requirement != null;
    }

    /** Where it was written, when known. */
    public Optional<String> sourceIfKnown() {
        return Optional.ofNullable(source);
    }
}
