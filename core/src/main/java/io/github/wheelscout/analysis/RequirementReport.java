package io.github.wheelscout.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement's outcome on every target, in the order of the targets.
 *
 * @param requirement the requirement
 * @param outcomes    one per target, in the report's target order
 */
public record RequirementReport(AnalysisRequirement requirement, List<Outcome> outcomes) {

    /** Checks and freezes the fields. */
    public RequirementReport {
        Objects.requireNonNull(requirement, "requirement");
        outcomes = List.copyOf(outcomes);
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
