package io.github.wheelscout.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement's outcome on every target, in the order of the targets.
 *
 * @param requirement the requirement: one the user gave, or (in a deep analysis) one a dependency has
 * @param outcomes    one per target, in the report's target order
 * @param via         in a deep analysis, the chain of projects from a requirement the user gave to this one, both
 *                    included ({@code [pandas, numpy]}); empty for a requirement the user gave
 */
public record RequirementReport(AnalysisRequirement requirement, List<Outcome> outcomes, List<String> via) {

    /** Checks and freezes the fields. */
    public RequirementReport {
        Objects.requireNonNull(requirement, "requirement");
        outcomes = List.copyOf(outcomes);
        via = List.copyOf(via);
    }

    /** A requirement the user gave. */
    public RequirementReport(AnalysisRequirement requirement, List<Outcome> outcomes) {
        this(requirement, outcomes, List.of());
    }

    /** Whether a dependency brings it in (rather than the user). */
    public boolean isTransitive() {
        return !via.isEmpty();
    }

    /** The chain as text, {@code pandas → numpy}; empty for a requirement the user gave. */
    public String viaText() {
        return String.join(" → ", via);
    }

    /** The outcome on the target at {@code index} in the report's target order. */
    public Outcome outcome(int index) {
        return outcomes.get(index);
    }

    /** The outcome on the target with this display name, if it is one of the report's targets. */
    public Optional<Outcome> outcome(String targetName) {
        return outcomes.stream().filter(o -> o.target().displayName().equals(targetName)).findFirst();
    }
}
