package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.InvalidRequirementException;
import io.github.wheelscout.requirement.Marker;
import io.github.wheelscout.requirement.MarkerEvaluationException;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.resolve.Conflict;
import io.github.wheelscout.resolve.Resolution;
import io.github.wheelscout.resolve.ResolvedPackage;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Specifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report of a deep analysis: the user's requirements first (their outcome is the version pip's resolver
 * chooses), then every other package pip installs on some target, with the chain that brings it in; the summaries
 * say what is unknown, why a resolution fails, and for fully pinned input what the file does not pin.
 */
final class DeepReport {

    private final List<AnalysisRequirement> requirements;
    private final List<AnalysisRequirement> constraints;
    private final List<Target> targets;
    private final List<Resolution> resolutions;

    private DeepReport(List<AnalysisRequirement> requirements, List<AnalysisRequirement> constraints,
            List<Target> targets, List<Resolution> resolutions) {
        this.requirements = requirements;
        this.constraints = constraints;
        this.targets = targets;
        this.resolutions = resolutions;
    }

    static AnalysisReport of(List<AnalysisRequirement> requirements, List<AnalysisRequirement> constraints,
            List<Target> targets, List<Resolution> resolutions) {
        return new DeepReport(requirements, constraints, targets, resolutions).build();
    }

    private AnalysisReport build() {
        Set<ProjectName> direct = new LinkedHashSet<>();
        for (AnalysisRequirement r : requirements) {
            if (r.name() != null) {
                direct.add(r.name());
            }
        }
        List<Outcome[]> rows = new ArrayList<>();
        List<AnalysisRequirement> rowRequirements = new ArrayList<>();
        List<List<String>> rowVia = new ArrayList<>();
        for (AnalysisRequirement r : requirements) {
            Outcome[] row = new Outcome[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                row[t] = directOutcome(r, t);
            }
            rows.add(row);
            rowRequirements.add(r);
            rowVia.add(List.of());
        }

        // Every other package installed somewhere (or caught in a conflict), with its shortest chain.
        Map<ProjectName, List<ProjectName>> chains = new LinkedHashMap<>();
        Map<ProjectName, String> requirementText = new HashMap<>();
        for (Resolution resolution : resolutions) {
            for (ResolvedPackage p : resolution.packages()) {
                if (direct.contains(p.name())) {
                    continue;
                }
                List<ProjectName> known = chains.get(p.name());
                if (known == null || p.via().size() < known.size()) {
                    chains.put(p.name(), p.via());
                    requirementText.put(p.name(), requirementText(p));
                }
            }
            if (resolution.conflict() != null) {
                for (Conflict.Cause c : resolution.conflict().causes()) {
                    if (c.project() != null && !direct.contains(c.project()) && !chains.containsKey(c.project())) {
                        List<ProjectName> via = new ArrayList<>(c.via());
                        via.add(c.project());
                        chains.put(c.project(), List.copyOf(via));
                        requirementText.put(c.project(), displayed(c.requirement(), c.project()));
                    }
                }
            }
        }
        List<ProjectName> others = new ArrayList<>(chains.keySet());
        others.sort((a, b) -> {
            List<ProjectName> ca = chains.get(a);
            List<ProjectName> cb = chains.get(b);
            for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
                int c = ca.get(i).compareTo(cb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(ca.size(), cb.size());
        });
        for (ProjectName project : others) {
            Outcome[] row = new Outcome[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                row[t] = transitiveOutcome(project, t);
            }
            String text = requirementText.get(project);
            rows.add(row);
            rowRequirements.add(new AnalysisRequirement(text, project, Requirement.parse(text), null, Map.of(), null));
            rowVia.add(chains.get(project).stream().map(ProjectName::value).toList());
        }

        List<RequirementReport> reports = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Outcome[] row = rows.get(i);
            List<Outcome> withAdvice = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                withAdvice.add(WheelAnalyzer.withAdvice(row, t));
            }
            reports.add(new RequirementReport(rowRequirements.get(i), withAdvice, rowVia.get(i)));
        }
        boolean pinned = fullyPinned();
        List<TargetSummary> summaries = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            TargetSummary plain = WheelAnalyzer.summarise(targets.get(t), reports, t);
            Resolution resolution = resolutions.get(t);
            List<String> unknown = resolution.unknownDependencies().stream()
                    .map(p -> p.version() == null ? p.name().value() : p.name() + " " + p.version()).toList();
            String failure = resolution.conflict() == null ? null : resolution.conflict().summary();
            List<String> missing = pinned && resolution.isResolved() ? missingFromFile(resolution) : null;
            summaries.add(new TargetSummary(plain.target(), plain.counts(), plain.downloadBytes(),
                    plain.unknownSizes(), plain.sourceBuilds(), plain.noMatch(), unknown, failure, missing));
        }
        return new AnalysisReport(targets, reports, summaries, resolutions);
    }

    /** The requirement a transitive package was asked with along its chain, without the marker. */
    private static String requirementText(ResolvedPackage p) {
        ProjectName parent = p.via().size() >= 2 ? p.via().get(p.via().size() - 2) : null;
        for (ResolvedPackage.Dependent d : p.requiredBy()) {
            if (parent != null && parent.equals(d.parent())) {
                return displayed(d.requirement(), p.name());
            }
        }
        return p.requiredBy().isEmpty() ? p.name().value() : displayed(p.requiredBy().get(0).requirement(), p.name());
    }

    /** {@code numpy>=1.26.0; python_version >= "3.12"} shown as {@code numpy>=1.26.0}. */
    private static String displayed(String requirement, ProjectName project) {
        try {
            Requirement r = Requirement.parse(requirement);
            StringBuilder out = new StringBuilder(r.name());
            if (!r.extras().isEmpty()) {
                out.append('[').append(String.join(",", r.extras())).append(']');
            }
            return out.append(r.specifier()).toString();
        } catch (InvalidRequirementException e) {
            return project.value();
        }
    }

    private Outcome directOutcome(AnalysisRequirement r, int t) {
        Target target = targets.get(t);
        Resolution resolution = resolutions.get(t);
        if (!r.isIndexed()) {
            return Outcome.notAnalysed(target, r.notIndexed() == null
                    ? "not a requirement pip resolves from an index" : r.notIndexed());
        }
        boolean applies = applies(r, target);
        if (resolution.isResolved()) {
            ResolvedPackage p = resolution.find(r.name()).orElse(null);
            if (p != null) {
                Outcome o = outcome(p, target);
                if (!applies) {
                    o = withReason(o, o.reason() + "; its marker " + r.requirement().marker().orElseThrow()
                            + " is false here, but " + p.viaText() + " installs it anyway");
                }
                return o;
            }
            if (!applies) {
                return Outcome.notNeeded(target, "marker " + r.requirement().marker().orElseThrow() + " is false on "
                        + target.displayName());
            }
            return Outcome.error(target, "the resolution on " + target.displayName() + " has no " + r.name()
                    + ": a bug");
        }
        if (!applies) {
            return Outcome.notNeeded(target, "marker " + r.requirement().marker().orElseThrow() + " is false on "
                    + target.displayName());
        }
        return failedOutcome(r.name(), resolution);
    }

    private Outcome transitiveOutcome(ProjectName project, int t) {
        Target target = targets.get(t);
        Resolution resolution = resolutions.get(t);
        if (resolution.isResolved()) {
            return resolution.find(project).map(p -> outcome(p, target)).orElseGet(() ->
                    Outcome.notNeeded(target, "nothing requires " + project + " on " + target.displayName()));
        }
        return failedOutcome(project, resolution);
    }

    /** A project on a target where pip's resolver fails: the cause's diagnosis, or "nothing is installed". */
    private static Outcome failedOutcome(ProjectName project, Resolution resolution) {
        Target target = resolution.target();
        Conflict conflict = resolution.conflict();
        String fails = "pip installs nothing on " + target.displayName() + ": " + conflict.summary();
        if (!conflict.projects().contains(project)) {
            return Outcome.notAnalysed(target, fails);
        }
        for (Conflict.Cause c : conflict.causes()) {
            if (!project.equals(c.project())) {
                continue;
            }
            if (c.notFound()) {
                return Outcome.notFound(target, project + " is not on the index, so " + fails);
            }
            if (c.candidates() != null && c.candidates().ranked().isEmpty()) {
                Outcome none = Diagnosis.outcome(c.candidates());
                return withReason(none, none.reason() + "; so " + fails);
            }
        }
        return new Outcome(target, Verdict.NO_MATCH, null, null, fails, null, null);
    }

    private static Outcome outcome(ResolvedPackage p, Target target) {
        if (p.unresolved() != null) {
            return p.dependencies().status() == ResolvedPackage.Dependencies.Status.INDEX_ERROR
                    ? Outcome.error(target, p.unresolved())
                    : Outcome.notAnalysed(target, p.unresolved());
        }
        Outcome o = Diagnosis.outcome(p.selection());
        if (p.newest() != null) {
            o = withReason(o, o.reason() + "; pip's resolver takes " + p.name() + " " + p.version()
                    + ", not the newest allowed " + p.newest() + ", to satisfy the other requirements");
        }
        if (!p.dependencies().isKnown()) {
            o = withReason(o, o.reason() + "; its dependencies are unknown: " + p.dependencies().reason());
        }
        return o;
    }

    private static Outcome withReason(Outcome o, String reason) {
        return new Outcome(o.target(), o.verdict(), o.version(), o.file(), reason, o.advice(), o.selection());
    }

    private static boolean applies(AnalysisRequirement r, Target target) {
        Marker marker = r.requirement().marker().orElse(null);
        if (marker == null) {
            return true;
        }
        Map<String, String> env = new HashMap<>(target.markerEnvironment());
        env.put("extra", "");
        try {
            return marker.evaluate(env);
        } catch (MarkerEvaluationException e) {
            return true;
        }
    }

    /** Whether every requirement resolved from an index pins one version ({@code ==V} or {@code ===V}). */
    private boolean fullyPinned() {
        boolean any = false;
        for (AnalysisRequirement r : requirements) {
            if (!r.isIndexed()) {
                continue;
            }
            any = true;
            if (!pins(r)) {
                return false;
            }
        }
        return any;
    }

    private static boolean pins(AnalysisRequirement r) {
        for (Specifier s : r.requirement().specifier()) {
            if (s.operator() == Specifier.Operator.ARBITRARY
                    || (s.operator() == Specifier.Operator.EQUAL && !s.isWildcard())) {
                return true;
            }
        }
        return false;
    }

    /** The installed packages that no requirement (applying on the target) or pinning constraint names. */
    private List<String> missingFromFile(Resolution resolution) {
        Set<ProjectName> listed = new LinkedHashSet<>();
        for (AnalysisRequirement r : requirements) {
            if (r.name() != null && (!r.isIndexed() || applies(r, resolution.target()))) {
                listed.add(r.name());
            }
        }
        for (AnalysisRequirement c : constraints) {
            if (c.isIndexed() && pins(c) && applies(c, resolution.target())) {
                listed.add(c.name());
            }
        }
        List<String> missing = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            if (!listed.contains(p.name())) {
                missing.add(p.version() == null ? p.name().value() : p.name() + "==" + p.version());
            }
        }
        return missing;
    }
}
