package io.github.wheelscout.analysis;

import io.github.wheelscout.resolve.Resolution;
import io.github.wheelscout.tags.Target;
import java.util.Collection;
import java.util.List;

/**
 * The result of an analysis: every requirement on every target, and the totals per target.
 *
 * @param targets      the targets, in the order given
 * @param requirements every requirement, in the order given; in a deep analysis followed by every other package
 *                     pip installs on some target ({@link RequirementReport#via()} says why)
 * @param summaries    one per target, in target order
 * @param resolutions  in a deep analysis, the whole install on each target, in target order; empty otherwise
 */
public record AnalysisReport(List<Target> targets, List<RequirementReport> requirements, List<TargetSummary> summaries,
        List<Resolution> resolutions) {

    /** Checks and freezes the fields. */
    public AnalysisReport {
        targets = List.copyOf(targets);
        requirements = List.copyOf(requirements);
        summaries = List.copyOf(summaries);
        resolutions = List.copyOf(resolutions);
        if (summaries.size() != targets.size()) {
            throw new IllegalArgumentException("one summary per target");
        }
        if (!resolutions.isEmpty() && resolutions.size() != targets.size()) {
            throw new IllegalArgumentException("one resolution per target in a deep analysis");
        }
    }

    /** The report of an analysis of the requirements alone (not deep). */
    public AnalysisReport(List<Target> targets, List<RequirementReport> requirements, List<TargetSummary> summaries) {
        this(targets, requirements, summaries, List.of());
    }

    /** Whether this is a deep analysis: the whole install resolved, dependencies included. */
    public boolean deep() {
        return !resolutions.isEmpty();
    }

    /** Whether something is unknown: an index error, or (deep) packages whose dependencies are unknown. */
    public boolean hasUnknowns() {
        return summaries.stream().anyMatch(TargetSummary::hasUnknowns);
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
