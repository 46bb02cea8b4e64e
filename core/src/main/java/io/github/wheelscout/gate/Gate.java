package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.tags.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Gates an upgrade: compares what pip would install for the base requirements (say, the main branch) and for the
 * head requirements (a pull request that bumps {@code pyarrow}) on every target, and says which changes are
 * regressions (a wheel before, a source build or nothing installable now), new builds, fixes, or unchanged. A
 * regression or new build fails the gate unless the {@link Baseline} accepts it; an index error on either side
 * makes the comparison unknown, which fails closed ({@link GateResult#status(boolean)}).
 *
 * <pre>{@code
 * Gate gate = Gate.builder().baseline(baseline).build();
 * GateResult result = gate.run(WheelAnalyzer.builder(index).build(),
 *         List.of(AnalysisRequirement.of("pyarrow==23.0.0")),
 *         List.of(AnalysisRequirement.of("pyarrow==17.0.0")),
 *         List.of(Target.forImage("python:3.12-alpine")));
 * if (result.status() != GateStatus.PASS) { result.failures().forEach(c -> System.out.println(c.message())); }
 * }</pre>
 *
 * <p><b>Matching.</b> Requirements are matched by canonical project name (see {@link RequirementChanges}). When
 * a file names a project on several lines (say, with different markers), pip installs one version of it on a
 * target: the project's outcome there is that of its first line whose marker holds, or "not needed" when none
 * does.
 *
 * <p>Immutable and thread-safe.
 */
public final class Gate {

    private final Baseline baseline;
    private final LocalDate today;

    private Gate(Builder builder) {
        this.baseline = builder.baseline;
        this.today = builder.today != null ? builder.today : LocalDate.now(ZoneOffset.UTC);
    }

    /** A builder of a gate with no baseline, judging expiry dates on today's date (UTC). */
    public static Builder builder() {
        return new Builder();
    }

    /** The baseline the gate judges against. */
    public Baseline baseline() {
        return baseline;
    }

    /** The day on which the baseline's expiry dates are judged. */
    public LocalDate today() {
        return today;
    }

    /**
     * Analyses {@code base} and {@code head} with {@code analyzer} (at the same time: projects both name are
     * fetched once when the analyzer's index caches) on {@code targets}, and compares them.
     */
    public GateResult run(WheelAnalyzer analyzer, List<AnalysisRequirement> base, List<AnalysisRequirement> head,
            List<Target> targets) {
        return run(analyzer, base, analyzer, head, targets);
    }

    /**
     * Analyses {@code base} with {@code baseAnalyzer} and {@code head} with {@code headAnalyzer} (each with its own
     * file's options and constraints) on {@code targets}, and compares them.
     */
    public GateResult run(WheelAnalyzer baseAnalyzer, List<AnalysisRequirement> base, WheelAnalyzer headAnalyzer,
            List<AnalysisRequirement> head, List<Target> targets) {
        try {
            return runAsync(baseAnalyzer, base, headAnalyzer, head, targets).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** {@link #run(WheelAnalyzer, List, WheelAnalyzer, List, List)} without blocking the caller. */
    public CompletableFuture<GateResult> runAsync(WheelAnalyzer baseAnalyzer, List<AnalysisRequirement> base,
            WheelAnalyzer headAnalyzer, List<AnalysisRequirement> head, List<Target> targets) {
        CompletableFuture<AnalysisReport> baseReport = baseAnalyzer.analyzeAsync(base, targets);
        CompletableFuture<AnalysisReport> headReport = headAnalyzer.analyzeAsync(head, targets);
        return baseReport.thenCombine(headReport, this::compare);
    }

    /**
     * Compares two analyses of the same targets (in any order; the result follows the head's).
     *
     * @throws IllegalArgumentException if the reports are not about the same targets
     */
    public GateResult compare(AnalysisReport base, AnalysisReport head) {
        List<Target> targets = head.targets();
        int[] baseTarget = new int[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            baseTarget[t] = base.targets().indexOf(targets.get(t));
            if (baseTarget[t] < 0) {
                throw new IllegalArgumentException("the base was not analysed for " + targets.get(t).displayName());
            }
        }
        if (base.targets().size() != targets.size()) {
            throw new IllegalArgumentException("the base was analysed for other targets than the head: "
                    + base.targets() + " vs " + targets);
        }
        Map<String, List<RequirementReport>> baseByKey = byKey(base);
        Map<String, List<RequirementReport>> headByKey = byKey(head);
        List<String> keys = new ArrayList<>(headByKey.keySet());
        baseByKey.keySet().stream().filter(k -> !headByKey.containsKey(k)).forEach(keys::add);

        List<RequirementChanges> requirements = new ArrayList<>();
        for (String key : keys) {
            List<RequirementReport> baseLines = baseByKey.getOrDefault(key, List.of());
            List<RequirementReport> headLines = headByKey.getOrDefault(key, List.of());
            List<Change> changes = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                changes.add(change(targets.get(t), pick(baseLines, baseTarget[t]), pick(headLines, t)));
            }
            AnalysisRequirement firstBase = baseLines.isEmpty() ? null : baseLines.get(0).requirement();
            AnalysisRequirement firstHead = headLines.isEmpty() ? null : headLines.get(0).requirement();
            AnalysisRequirement any = firstHead != null ? firstHead : firstBase;
            requirements.add(new RequirementChanges(any.name(), firstBase, firstHead, changes));
        }
        return new GateResult(targets, requirements, base, head, baseline, today);
    }

    /** The project's key: its canonical name, or its text when it names none. */
    private static String key(AnalysisRequirement r) {
        return r.name() != null ? r.name().value() : "\0" + r.text();
    }

    private static Map<String, List<RequirementReport>> byKey(AnalysisReport report) {
        Map<String, List<RequirementReport>> byKey = new LinkedHashMap<>();
        for (RequirementReport r : report.requirements()) {
            byKey.computeIfAbsent(key(r.requirement()), k -> new ArrayList<>()).add(r);
        }
        return byKey;
    }

    /** One side's requirement and outcome for a project on a target; both null when the side lacks the project. */
    private record Side(AnalysisRequirement requirement, Outcome outcome) {
        static final Side ABSENT = new Side(null, null);

        Rank rank() {
            if (outcome == null) {
                return Rank.MISSING;
            }
            return switch (outcome.verdict()) {
                case WHEEL, PURE_WHEEL -> Rank.WHEEL;
                case SOURCE_BUILD -> Rank.BUILD;
                case NO_MATCH, NOT_FOUND -> Rank.FAIL;
                case NOT_NEEDED -> Rank.NOT_NEEDED;
                case NOT_ANALYSED -> Rank.OPAQUE;
                case ERROR -> Rank.ERROR;
            };
        }
    }

    private enum Rank { MISSING, NOT_NEEDED, OPAQUE, WHEEL, BUILD, FAIL, ERROR }

    /** The line whose outcome counts on target {@code t}: the first whose marker holds, else the first. */
    private static Side pick(List<RequirementReport> lines, int t) {
        if (lines.isEmpty()) {
            return Side.ABSENT;
        }
        for (RequirementReport line : lines) {
            if (line.outcome(t).verdict() != Verdict.NOT_NEEDED) {
                return new Side(line.requirement(), line.outcome(t));
            }
        }
        return new Side(lines.get(0).requirement(), lines.get(0).outcome(t));
    }

    private Change change(Target target, Side base, Side head) {
        ChangeKind kind = classify(base.rank(), head.rank());
        Acceptance acceptance = Acceptance.NONE;
        if (kind.canFail() && head.requirement().name() != null) {
            acceptance = baseline.acceptance(head.requirement().name(), head.outcome().version(), target, today);
        }
        return new Change(target, kind, base.requirement(), base.outcome(), head.requirement(), head.outcome(),
                acceptance);
    }

    private static ChangeKind classify(Rank base, Rank head) {
        if (base == Rank.ERROR || head == Rank.ERROR) {
            return ChangeKind.UNKNOWN;
        }
        return switch (head) {
            case OPAQUE -> ChangeKind.NOT_ANALYSED;
            case BUILD -> switch (base) {
                case WHEEL -> ChangeKind.REGRESSION;
                case BUILD -> ChangeKind.UNCHANGED;
                case FAIL -> ChangeKind.FIXED;
                default -> ChangeKind.NEW_BUILD;
            };
            case FAIL -> switch (base) {
                case WHEEL, BUILD -> ChangeKind.REGRESSION;
                case FAIL -> ChangeKind.UNCHANGED;
                default -> ChangeKind.NEW_BUILD;
            };
            case WHEEL -> switch (base) {
                case WHEEL -> ChangeKind.UNCHANGED;
                case BUILD, FAIL -> ChangeKind.FIXED;
                default -> ChangeKind.ADDED;
            };
            case NOT_NEEDED, MISSING -> switch (base) {
                case BUILD, FAIL -> ChangeKind.FIXED;
                case WHEEL, OPAQUE -> ChangeKind.REMOVED;
                case NOT_NEEDED -> head == Rank.MISSING ? ChangeKind.REMOVED : ChangeKind.UNCHANGED;
                case MISSING -> ChangeKind.ADDED;
                default -> throw new IllegalStateException("unreachable: " + base);
            };
            case ERROR -> throw new IllegalStateException("unreachable");
        };
    }

    /** Configures a {@link Gate}. */
    public static final class Builder {
        private Baseline baseline = Baseline.EMPTY;
        private LocalDate today;

        private Builder() {
        }

        /** The accepted builds ({@link Baseline#EMPTY} by default). */
        public Builder baseline(Baseline baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            return this;
        }

        /** The day on which expiry dates are judged (default: today in UTC when the gate is built). */
        public Builder today(LocalDate today) {
            this.today = Objects.requireNonNull(today, "today");
            return this;
        }

        /** The gate. */
        public Gate build() {
            return new Gate(this);
        }
    }
}
