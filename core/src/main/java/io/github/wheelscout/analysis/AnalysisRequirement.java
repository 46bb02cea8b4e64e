package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.util.UrlRedaction;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One requirement to analyse, wherever it was written (a requirements file, pyproject.toml, a command line, a
 * Dockerfile), with its origin.
 *
 * @param text        the requirement as written, for display (credentials of a URL in it redacted: reports go to
 *                    CI logs)
 * @param name        the project it names, or {@code null} for an unnamed URL or path
 * @param requirement the parsed PEP 508 requirement; for a direct reference its URL is set
 * @param source      where it was written ({@code requirements.txt:12}), or {@code null} when it was given on
 *                    the command line
 * @param hashes      its {@code --hash} values, hash name to allowed digests; empty when none
 * @param notIndexed  why it is not resolved from an index (a URL, a local path, an editable install), or
 *                    {@code null} for an ordinary requirement; credentials redacted as in {@code text}
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
        // A direct reference may carry a token (pkg @ https://user:token@host/...): never shown.
        text = UrlRedaction.text(Objects.requireNonNull(text, "text"));
        notIndexed = UrlRedaction.text(notIndexed);
        hashes = Map.copyOf(hashes);
        if (name == null && notIndexed == null) {
            throw new IllegalArgumentException("a requirement resolved from an index names a project");
        }
        if (requirement != null && notIndexed == null) {
            // An analysis must never fail halfway on a specifier no version can be compared with.
            requirement.unmatchableReason().ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
        }
    }

    /**
     * A requirement from its PEP 508 text, with no origin; a direct reference ({@code name @ url}) is not indexed.
     *
     * @throws IllegalArgumentException ({@link io.github.wheelscout.requirement.InvalidRequirementException} when
     *     it is not PEP 508) if it is not a requirement an analysis can use
     */
    public static AnalysisRequirement of(String pep508) {
        return of(Requirement.parse(pep508), null);
    }

    /** {@code requirement} written at {@code source}; a direct reference ({@code name @ url}) is not indexed. */
    public static AnalysisRequirement of(Requirement requirement, String source) {
        return new AnalysisRequirement(requirement.toString(), requirement.projectName(), requirement, source,
                Map.of(), requirement.url().map(u -> "a direct reference (" + u + "), not resolved from an index")
                        .orElse(null));
    }

    /**
     * A requirement read from a requirements file or pyproject.toml. Direct references, local paths and
     * editables are kept, marked as not resolved from an index.
     */
    public static AnalysisRequirement from(RequirementLine line) {
        Map<String, Set<String>> hashes = new LinkedHashMap<>();
        for (String hash : line.hashes()) {
            int colon = hash.indexOf(':');
            if (colon > 0) {
                hashes.computeIfAbsent(hash.substring(0, colon), k -> new LinkedHashSet<>()).add(hash.substring(colon + 1));
            }
        }
        String notIndexed = null;
        if (line.editable()) {
            notIndexed = "an editable install (-e " + line.text() + "), not resolved from an index";
        } else if (line.url() != null) {
            notIndexed = (line.url().startsWith("file:") ? "a local path" : "a direct reference")
                    + " (" + line.url() + "), not resolved from an index";
        } else if (line.name() == null) {
            notIndexed = "names no project, so no index can resolve it";
        }
        return new AnalysisRequirement(line.text(), line.projectName().orElse(null),
                line.requirement().orElse(null), line.origin().toString(), hashes, notIndexed);
    }

    /** The project's canonical name, or the text as written when it names none (an unnamed URL or path). */
    public String displayName() {
        return name != null ? name.value() : text;
    }

    /** Whether pip resolves it from an index (so that wheelscout can analyse it). */
    public boolean isIndexed() {
        return notIndexed == null && requirement != null;
    }

    /** Where it was written, when known. */
    public Optional<String> sourceIfKnown() {
        return Optional.ofNullable(source);
    }

    /** {@code text (source)}: the redacted text, not the requirement (whose URL would show credentials). */
    @Override
    public String toString() {
        return source == null ? text : text + " (" + source + ")";
    }
}
