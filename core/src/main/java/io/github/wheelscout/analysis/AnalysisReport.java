package io.github.wheelscout.analysis;

import io.github.wheelscout.tags.Target;
import java.util.Collection;
import java.util.List;

/**
 * The result of an analysis: every requirement on every target, and the totals per target.
 *
 * @param targets      the targets, in the order given
 * @param requirements every requirement, in the order given
 * @param summaries    one per target, in target order
 */
public record AnalysisReport(List<Target> targets, List<RequirementReport> requirements, List<TargetSummary> summaries) {

    /** Checks and freezes the fields. */
    public AnalysisReport {
        targets = List.copyOf(targets);
        requirements = List.copyOf(requirements);
        summaries = List.copyOf(summaries);
        if (summaries.size() != targets.size()) {
            throw new IllegalArgumentException("one summary per target");
        }
    }

    /** Whether any outcome has one of {@code verdicts}. */
    public boolean any(Collection<Verdict> verdicts) {
        return requirements.stream().flatMap(r -> r.outcomes().stream()).anyMatch(o -> verdicts.contains(o.verdict()));
    }

    /** Whether an index failure left some result unknown. */
    public boolean hasErrors() {
        return summaries.stream().anyMatch(TargetSummary::hasErrors);
    }
}
