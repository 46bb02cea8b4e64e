package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.tags.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's comparison of a base and a head: every project of either, on every target, and what changed.
 *
 * @param targets      the targets, in the head's order
 * @param requirements every project: the head's in the head's order, then those only the base requires
 * @param base         the base's analysis
 * @param head         the head's analysis
 * @param baseline     the baseline the changes were judged against
 * @param today        the day the baseline's expiry dates were judged on
 */
public record GateResult(List<Target> targets, List<RequirementChanges> requirements, AnalysisReport base,
        AnalysisReport head, Baseline baseline, LocalDate today) {

    /** Checks and freezes the fields. */
    public GateResult {
        targets = List.copyOf(targets);
        requirements = List.copyOf(requirements);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(today, "today");
        for (RequirementChanges r : requirements) {
            if (r.changes().size() != targets.size()) {
                throw new IllegalArgumentException("one change per target for " + r.displayName());
            }
        }
    }

    /** Every change, project by project, target by target. */
    public List<Change> changes() {
        List<Change> all = new ArrayList<>();
        requirements.forEach(r -> all.addAll(r.changes()));
        return all;
    }

    /** The changes that fail the gate: regressions and new builds the baseline does not accept. */
    public List<Change> failures() {
        return changes().stream().filter(Change::fails).toList();
    }

    /** The regressions and new builds the baseline accepts. */
    public List<Change> accepted() {
        return changes().stream().filter(Change::accepted).toList();
    }

    /** The comparisons an index error left unknown. */
    public List<Change> unknowns() {
        return changes().stream().filter(Change::unknown).toList();
    }

    /** How many changes are of each kind (every kind present, zero included). */
    public Map<ChangeKind, Integer> counts() {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind kind : ChangeKind.values()) {
            counts.put(kind, 0);
        }
        changes().forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        return counts;
    }

    /** How many changes are of {@code kind}. */
    public int count(ChangeKind kind) {
        return (int) changes().stream().filter(c -> c.kind() == kind).count();
    }

    /** The verdict, failing closed: {@link GateStatus#UNKNOWN} if an index error left a comparison unknown. */
    public GateStatus status() {
        return status(false);
    }

    /**
     * The verdict: {@link GateStatus#UNKNOWN} when a comparison is unknown (unless {@code allowErrors}), else
     * {@link GateStatus#FAIL} when some change fails, else {@link GateStatus#PASS}. With {@code allowErrors} the
     * unknown comparisons are left out: only what is known decides.
     */
    public GateStatus status(boolean allowErrors) {
        if (!allowErrors && !unknowns().isEmpty()) {
            return GateStatus.UNKNOWN;
        }
        return failures().isEmpty() ? GateStatus.PASS : GateStatus.FAIL;
    }

    /** The baseline entries that matched some change but had expired. */
    public List<BaselineEntry> expiredEntries() {
        List<BaselineEntry> expired = new ArrayList<>();
        for (Change c : changes()) {
            if (c.acceptance().status() == Acceptance.Status.EXPIRED && !expired.contains(c.acceptance().entry())) {
                expired.add(c.acceptance().entry());
            }
        }
        return expired;
    }

    /**
     * The baseline entries that match no source build and no uninstallable requirement of the head, expired or
     * not: candidates for removal from the baseline file.
     */
    public List<BaselineEntry> unusedEntries() {
        List<BaselineEntry> unused = new ArrayList<>(baseline.entries());
        for (Change c : changes()) {
            Outcome h = c.head();
            if (h == null || c.name().isEmpty() || !(h.verdict() == Verdict.SOURCE_BUILD
                    || h.verdict() == Verdict.NO_MATCH || h.verdict() == Verdict.NOT_FOUND)) {
                continue;
            }
            unused.removeIf(e -> e.matches(c.name().get(), h.version(), c.target()));
        }
        return unused;
    }
}
