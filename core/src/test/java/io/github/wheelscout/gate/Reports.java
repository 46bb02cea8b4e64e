package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.Advice;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.BuildKind;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analysis reports written by hand, for tests of the comparison alone: each requirement line with one outcome per
 * target, given as {@code verdict[ version]} ({@code "wheel 1.26.4"}, {@code "source-build 1.25.2"},
 * {@code "no-match"}, {@code "error"}).
 */
final class Reports {

    static final Target ALPINE = Target.forImage("python:3.12-alpine");
    static final Target SLIM = Target.forImage("python:3.12-slim");

    private final List<Target> targets;
    private final List<RequirementReport> requirements = new ArrayList<>();

    private Reports(List<Target> targets) {
        this.targets = targets;
    }

    /** A report on alpine and slim. */
    static Reports alpineAndSlim() {
        return new Reports(List.of(ALPINE, SLIM));
    }

    static Reports on(Target... targets) {
        return new Reports(List.of(targets));
    }

    /** A line {@code pep508} at {@code requirements.txt:N} (N its position) with one outcome per target. */
    Reports line(String pep508, String... outcomes) {
        if (outcomes.length != targets.size()) {
            throw new IllegalArgumentException("one outcome per target");
        }
        AnalysisRequirement requirement = AnalysisRequirement.of(Requirement.parse(pep508),
                "requirements.txt:" + (requirements.size() + 1));
        List<Outcome> row = new ArrayList<>();
        for (int t = 0; t < outcomes.length; t++) {
            row.add(outcome(targets.get(t), requirement, outcomes[t]));
        }
        requirements.add(new RequirementReport(requirement, row));
        return this;
    }

    AnalysisReport build() {
        List<TargetSummary> summaries = targets.stream()
                .map(t -> new TargetSummary(t, Map.of(), 0, 0, List.of(), List.of())).toList();
        return new AnalysisReport(targets, requirements, summaries);
    }

    private static Outcome outcome(Target target, AnalysisRequirement requirement, String spec) {
        String[] parts = spec.split(" ", 2);
        Verdict verdict = Verdict.ofWord(parts[0]);
        Version version = parts.length > 1 ? Version.parse(parts[1]) : null;
        String name = requirement.name().value();
        Advice advice = verdict == Verdict.SOURCE_BUILD || verdict == Verdict.NO_MATCH
                ? new Advice(null, null, false, false, List.of(), BuildKind.COMPILED,
                        "advice for " + name + " on " + target.displayName() + ".")
                : null;
        String reason = verdict.word() + " of " + name + (version == null ? "" : " " + version) + " on "
                + target.displayName();
        return new Outcome(target, verdict, version, null, reason, advice, null);
    }
}
