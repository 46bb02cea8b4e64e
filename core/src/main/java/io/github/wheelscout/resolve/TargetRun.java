package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.analysis.FileStatus;
import io.github.wheelscout.analysis.Selection;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.resolve.PipProvider.Constraint;
import io.github.wheelscout.resolve.Resolvelib.Criterion;
import io.github.wheelscout.resolve.Resolvelib.Information;
import io.github.wheelscout.resolve.ResolvedPackage.Dependencies;
import io.github.wheelscout.resolve.ResolvedPackage.Dependent;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Specifier;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * One target's resolution: pip's root requirements for the target, the resolvelib port driven until it ends (each
 * time an index answer it waits for arrives, on the thread that delivers it), and the result as
 * {@link Resolution}.
 */
final class TargetRun {

    private final Target target;
    private final IndexData data;
    private final PipProvider provider;
    private final Resolvelib<Req, Cand, PipProvider.Preference> engine;
    private final List<ProjectName> directProjects = new ArrayList<>();
    private final Map<String, Integer> userRequested = new LinkedHashMap<>();
    private final CompletableFuture<Resolution> result = new CompletableFuture<>();

    TargetRun(Target target, IndexData data, Resolver.Options options, List<AnalysisRequirement> requirements,
            List<AnalysisRequirement> constraints) {
        this.target = target;
        this.data = data;
        Map<String, String> env = target.markerEnvironment();

        // pip's collect_root_requirements: command-line requirements come before requirements-file lines.
        List<AnalysisRequirement> ordered = new ArrayList<>();
        requirements.stream().filter(r -> r.source() == null).forEach(ordered::add);
        requirements.stream().filter(r -> r.source() != null).forEach(ordered::add);
        List<Req> roots = new ArrayList<>();
        Map<ProjectName, String> external = new LinkedHashMap<>();
        int order = 0;
        for (AnalysisRequirement r : ordered) {
            if (!r.isIndexed()) {
                if (r.name() != null && (r.requirement() == null
                        || PipProvider.applies(r.requirement().marker().orElse(null), env))) {
                    external.putIfAbsent(r.name(), r.notIndexed());
                    if (!directProjects.contains(r.name())) {
                        directProjects.add(r.name());
                    }
                }
                continue;
            }
            List<Req> reqs = PipProvider.fromUser(r.requirement(), r.hashes(), env);
            if (reqs.isEmpty()) {
                continue;
            }
            userRequested.putIfAbsent(reqs.get(0).identifier(), order++);
            if (!directProjects.contains(r.name())) {
                directProjects.add(r.name());
            }
            roots.addAll(reqs);
        }
        // Requirements with extras go last: a smaller candidate set first (pip sorts them so, stably).
        List<Req> sorted = new ArrayList<>(roots);
        sorted.sort(Comparator.comparing(r -> r.identifier().indexOf('[') >= 0));

        Map<ProjectName, Constraint> byProject = new LinkedHashMap<>();
        for (AnalysisRequirement c : constraints) {
            if (!c.isIndexed() || !PipProvider.applies(c.requirement().marker().orElse(null), env)) {
                continue; // a URL constraint pins a file wheelscout does not build: not applied
            }
            Constraint old = byProject.getOrDefault(c.name(), Constraint.EMPTY);
            List<Specifier> specs = new ArrayList<>(old.specifier().specifiers());
            specs.addAll(c.requirement().specifier().specifiers());
            byProject.put(c.name(), new Constraint(SpecifierSet.of(specs),
                    PipProvider.intersect(old.hashes(), c.hashes())));
        }
        this.provider = new PipProvider(target, data, options.formats(), options.releases(), options.preferBinary(),
                byProject, userRequested, external);
        this.engine = new Resolvelib<>(provider, sorted, options.maxRounds());
    }

    /** Starts (or continues) the resolution; the future completes when it ends. */
    CompletableFuture<Resolution> start() {
        drive();
        return result;
    }

    private void drive() {
        int spins = 0;
        while (true) {
            try {
                Resolvelib.State<Req, Cand> state = engine.run();
                result.complete(resolved(state));
                return;
            } catch (Pending p) {
                if (!p.future.isDone()) {
                    p.future.whenComplete((ignored, error) -> drive());
                    return;
                }
                if (++spins > 1_000_000) {
                    result.completeExceptionally(new IllegalStateException("the resolution waits for an answer"
                            + " that has arrived: a bug"));
                    return;
                }
            } catch (Resolvelib.ResolutionImpossible e) {
                result.complete(impossible(e));
                return;
            } catch (Resolvelib.ResolutionTooDeep e) {
                String summary = "pip's resolver gives up after " + e.rounds + " rounds of backtracking on "
                        + target.displayName() + " (ResolutionTooDeep): pip installs nothing";
                result.complete(new Resolution(target, Resolution.Status.TOO_DEEP, List.of(),
                        new Conflict(summary, summary, List.of()), engine.rounds()));
                return;
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                return;
            }
        }
    }

    // ---- a successful resolution ----

    private Resolution resolved(Resolvelib.State<Req, Cand> state) {
        Resolvelib.Result<Req, Cand> res = Resolvelib.result(state);
        Map<String, Cand> mapping = res.mapping();
        Map<ProjectName, List<String>> identifiersByProject = new LinkedHashMap<>();
        for (String id : mapping.keySet()) {
            ProjectName p = PipProvider.projectOf(id);
            if (p != null) {
                identifiersByProject.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
            }
        }
        Map<ProjectName, List<ProjectName>> chains = chains(res.parents());
        List<ResolvedPackage> packages = new ArrayList<>();
        for (Map.Entry<ProjectName, List<String>> e : identifiersByProject.entrySet()) {
            ProjectName project = e.getKey();
            Cand base = mapping.get(project.value());
            TreeSet<String> extras = new TreeSet<>();
            for (String id : e.getValue()) {
                extras.addAll(PipProvider.extrasOf(id));
                if (base == null) {
                    base = mapping.get(id); // an unresolved project asked for with extras only
                }
            }
            boolean direct = directProjects.contains(project);
            List<ProjectName> via = direct ? List.of() : chains.getOrDefault(project, List.of(project));
            List<Dependent> requiredBy = requiredBy(project, e.getValue(), res.criteria(), mapping);
            packages.add(pack(project, base, extras, direct, via, requiredBy, res.criteria()));
        }
        packages.sort(Comparator.comparing((ResolvedPackage p) -> !p.direct())
                .thenComparing(p -> p.direct() ? directProjects.indexOf(p.name()) : 0)
                .thenComparing(ResolvedPackage::via, TargetRun::compareChains));
        return new Resolution(target, Resolution.Status.RESOLVED, packages, null, engine.rounds());
    }

    private static int compareChains(List<ProjectName> a, List<ProjectName> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private ResolvedPackage pack(ProjectName project, Cand chosen, SortedSet<String> extras, boolean direct,
            List<ProjectName> via, List<Dependent> requiredBy, Map<String, Criterion<Req, Cand>> criteria) {
        if (chosen instanceof Cand.Opaque o) {
            Dependencies deps = new Dependencies(o.indexError() ? Dependencies.Status.INDEX_ERROR
                    : Dependencies.Status.UNKNOWN, o.reason());
            return new ResolvedPackage(project, null, extras, null, direct, via, requiredBy, deps, null, o.reason());
        }
        Cand.Link link = PipProvider.base(chosen);
        IndexData.ReleaseInfo info = data.releaseAsync(link.project(), link.version(), link.spelling()).join();
        Dependencies deps = switch (info.kind()) {
            case KNOWN -> {
                Set<String> problems = provider.dependencyProblems(link);
                yield problems.isEmpty() ? Dependencies.KNOWN
                        : new Dependencies(Dependencies.Status.UNKNOWN, String.join("; ", problems));
            }
            case ERROR -> new Dependencies(Dependencies.Status.INDEX_ERROR, info.problem());
            default -> new Dependencies(Dependencies.Status.UNKNOWN, info.problem());
        };
        // The trail as pip would show it for every requirement on the project together: the pick is the chosen
        // file, the versions before it are what the resolver passed over.
        List<Specifier> specs = new ArrayList<>();
        Constraint constraint = provider.constraints().getOrDefault(project, Constraint.EMPTY);
        specs.addAll(constraint.specifier().specifiers());
        Map<String, java.util.Set<String>> hashes = constraint.hashes();
        for (Map.Entry<String, Criterion<Req, Cand>> e : criteria.entrySet()) {
            if (project.equals(PipProvider.projectOf(e.getKey()))) {
                for (Information<Req, Cand> i : e.getValue().information) {
                    if (i.requirement instanceof Req.Specifier s) {
                        specs.addAll(s.specifier().specifiers());
                        hashes = PipProvider.intersect(hashes, s.hashes());
                    }
                }
            }
        }
        ProjectFiles files = data.files(project).value();
        Selection all = provider.select(files, project, SpecifierSet.of(specs), hashes);
        List<FileEvaluation> ranked = all.ranked();
        int at = -1;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).version().equals(link.version())) {
                at = i;
                break;
            }
        }
        Selection selection = at >= 0
                ? new Selection(target, all.request(), all.files(), ranked.subList(at, ranked.size()))
                : new Selection(target, all.request(), all.files(), List.of(link.file()));
        Version newest = at > 0 ? ranked.get(0).version() : null;
        return new ResolvedPackage(project, link.version(), extras, selection, direct, via, requiredBy, deps, newest,
                null);
    }

    private static List<Dependent> requiredBy(ProjectName project, List<String> identifiers,
            Map<String, Criterion<Req, Cand>> criteria, Map<String, Cand> mapping) {
        List<Dependent> out = new ArrayList<>();
        for (String id : identifiers) {
            Criterion<Req, Cand> c = criteria.get(id);
            if (c == null) {
                continue;
            }
            for (Information<Req, Cand> i : c.information) {
                if (i.requirement instanceof Req.Explicit) {
                    continue; // an extras candidate asking for its own base
                }
                if (i.parent == null) {
                    out.add(new Dependent(null, null, Collections.emptySortedSet(), i.requirement.display()));
                } else if (i.parent.equals(mapping.get(i.parent.identifier())) && i.parent.project() != null
                        && !i.parent.project().equals(project)) {
                    out.add(new Dependent(i.parent.project(), i.parent.version(),
                            PipProvider.extrasOf(i.parent.identifier()), i.requirement.display()));
                }
            }
        }
        return out;
    }

    /**
     * The shortest chain of projects from a user's requirement to every project of the result (breadth first:
     * the user's requirements in their order, then dependencies by name).
     */
    private Map<ProjectName, List<ProjectName>> chains(Map<String, Set<String>> parents) {
        Map<String, List<String>> children = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
            for (String p : e.getValue()) {
                children.computeIfAbsent(p == null ? "" : p, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (Map.Entry<String, List<String>> e : children.entrySet()) {
            if (e.getKey().isEmpty()) {
                e.getValue().sort(Comparator.comparing((String id) -> userRequested.getOrDefault(id,
                        Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder()));
            } else {
                Collections.sort(e.getValue());
            }
        }
        Map<String, String> cameFrom = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String root : children.getOrDefault("", List.of())) {
            if (cameFrom.putIfAbsent(root, "") == null) {
                queue.add(root);
            }
        }
        Map<ProjectName, List<ProjectName>> out = new HashMap<>();
        while (!queue.isEmpty()) {
            String id = queue.poll();
            ProjectName project = PipProvider.projectOf(id);
            if (project != null) {
                out.putIfAbsent(project, path(id, cameFrom));
            }
            for (String child : children.getOrDefault(id, List.of())) {
                if (!cameFrom.containsKey(child)) {
                    cameFrom.put(child, id);
                    queue.add(child);
                }
            }
        }
        return out;
    }

    private static List<ProjectName> path(String id, Map<String, String> cameFrom) {
        List<ProjectName> reversed = new ArrayList<>();
        for (String at = id; at != null && !at.isEmpty(); at = cameFrom.get(at)) {
            ProjectName p = PipProvider.projectOf(at);
            if (p != null && (reversed.isEmpty() || !reversed.get(reversed.size() - 1).equals(p))) {
                reversed.add(p);
            }
        }
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    // ---- a failed resolution ----

    @SuppressWarnings("unchecked")
    private Resolution impossible(Resolvelib.ResolutionImpossible e) {
        List<Information<Req, Cand>> causes = (List<Information<Req, Cand>>) e.causes;
        Map<String, Criterion<Req, Cand>> criteria = (Map<String, Criterion<Req, Cand>>) e.criteria;
        Version python = provider.python();
        List<Conflict.Cause> out = new ArrayList<>();
        for (Information<Req, Cand> i : causes) {
            ProjectName project = i.requirement instanceof Req.RequiresPython ? null
                    : PipProvider.projectOf(i.requirement.identifier());
            List<ProjectName> via = i.parent == null ? List.of() : chainTo(i.parent.identifier(), criteria);
            out.add(new Conflict.Cause(i.requirement.display(), project,
                    i.parent == null ? null : i.parent.project(), i.parent == null ? null : i.parent.version(), via,
                    candidates(i.requirement), project != null && notFound(project)));
        }
        String where = target.displayName();
        List<Conflict.Cause> pythonCauses = new ArrayList<>();
        for (int k = 0; k < causes.size(); k++) {
            if (causes.get(k).requirement instanceof Req.RequiresPython rp && !rp.specifier().contains(python, true)) {
                pythonCauses.add(out.get(k));
            }
        }
        StringBuilder text = new StringBuilder();
        String summary;
        if (!pythonCauses.isEmpty()) {
            Conflict.Cause first = pythonCauses.get(0);
            summary = pythonCauses.size() == 1
                    ? first.parent() + " " + first.parentVersion() + " requires a different Python: " + python
                            + " not in '" + first.requirement().substring("Python ".length()) + "'"
                    : "packages require a different Python than " + python;
            text.append(summary).append(" (on ").append(where).append(')');
            for (Conflict.Cause c : pythonCauses) {
                text.append("\n    ").append(c.requirement().substring("Python ".length()))
                        .append(" (required by ").append(c.parent()).append(' ').append(c.parentVersion())
                        .append(chainNote(c)).append(')');
            }
        } else if (out.size() == 1 && !provider.constraints().containsKey(out.get(0).project())) {
            Conflict.Cause c = out.get(0);
            String from = c.parent() == null ? "" : " (from " + c.parent() + " " + c.parentVersion() + ")";
            List<String> skipped = skippedForMetadata(c.candidates());
            summary = "no version of " + c.project() + " satisfies " + c.requirement() + from + " on " + where
                    + (skipped.isEmpty() ? "" : " (pip ignores " + String.join(", ", skipped.stream()
                            .map(x -> x.substring(0, x.indexOf(':'))).toList()) + ": invalid metadata)");
            text.append("Could not find a version that satisfies the requirement ").append(c.requirement())
                    .append(from).append(" (from versions: ").append(versions(c.project())).append(')');
            if (c.parent() != null) {
                text.append("\n    ").append(c).append(chainNote(c));
            }
            for (String s : skipped) {
                text.append("\n    Ignored ").append(s).append(" (pip 24.1 and later skip such a version)");
            }
            text.append("\nNo matching distribution found for ").append(c.requirement());
        } else {
            Set<String> triggers = new TreeSet<>();
            for (Conflict.Cause c : out) {
                triggers.add(c.parent() == null ? c.requirement()
                        : c.via().isEmpty() ? c.parent() + "==" + c.parentVersion() : c.via().get(0).value());
            }
            List<String> t = new ArrayList<>(triggers);
            String info = t.size() == 1 ? t.get(0)
                    : String.join(", ", t.subList(0, t.size() - 1)) + " and " + t.get(t.size() - 1);
            summary = "cannot install " + info + " on " + where + ": " + String.join("; ",
                    out.stream().map(Conflict.Cause::toString).distinct().toList());
            text.append("Cannot install ").append(info)
                    .append(" because these package versions have conflicting dependencies.")
                    .append("\nThe conflict is caused by:");
            Set<ProjectName> constrained = new LinkedHashSet<>();
            for (Conflict.Cause c : out) {
                text.append("\n    ").append(c.parent() == null ? "The user requested " + c.requirement()
                        : c.parent() + " " + c.parentVersion() + " depends on " + c.requirement()).append(chainNote(c));
                if (c.project() != null && provider.constraints().containsKey(c.project())) {
                    constrained.add(c.project());
                }
            }
            for (ProjectName p : constrained) {
                text.append("\n    The user requested (constraint) ").append(p)
                        .append(provider.constraints().get(p).specifier());
            }
            List<String> unavailable = new ArrayList<>();
            for (Conflict.Cause c : out) {
                if (c.project() != null && !unavailable.contains(c.project().value()) && !hasAnyCandidate(c.project())) {
                    unavailable.add(c.project().value());
                }
            }
            if (!unavailable.isEmpty()) {
                text.append("\n\nThese packages have no distribution that installs on ").append(where).append(": ")
                        .append(String.join(", ", unavailable));
            }
        }
        return new Resolution(target, Resolution.Status.CONFLICT, List.of(),
                new Conflict(summary, text.toString(), out), engine.rounds());
    }

    private static String chainNote(Conflict.Cause c) {
        return c.via().size() > 1 ? " [via " + String.join(" → ", c.via().stream().map(ProjectName::value).toList())
                + "]" : "";
    }

    /** The index's candidates for a requirement on this target, for a diagnosis; {@code null} when unknown. */
    private Selection candidates(Req requirement) {
        if (!(requirement instanceof Req.Specifier s)) {
            return null;
        }
        IndexData.Answer<ProjectFiles> files = data.filesAsync(s.project()).isDone() ? data.files(s.project()) : null;
        if (files == null || files.error() != null || !files.value().found()) {
            return null;
        }
        Constraint c = provider.constraints().getOrDefault(s.project(), Constraint.EMPTY);
        List<Specifier> specs = new ArrayList<>(c.specifier().specifiers());
        specs.addAll(s.specifier().specifiers());
        return provider.select(files.value(), s.project(), SpecifierSet.of(specs),
                PipProvider.intersect(c.hashes(), s.hashes()));
    }

    private boolean notFound(ProjectName project) {
        IndexData.Answer<ProjectFiles> files = data.filesAsync(project).isDone() ? data.files(project) : null;
        return files != null && files.error() == null && !files.value().found();
    }

    private boolean hasAnyCandidate(ProjectName project) {
        IndexData.Answer<ProjectFiles> files = data.filesAsync(project).isDone() ? data.files(project) : null;
        if (files == null || files.error() != null || !files.value().found()) {
            return false;
        }
        return !provider.select(files.value(), project, SpecifierSet.empty(), Map.of()).ranked().isEmpty();
    }

    /** The candidates pip skipped because their metadata is invalid: {@code celery 4.4.0: its metadata has ...}. */
    private List<String> skippedForMetadata(Selection selection) {
        List<String> out = new ArrayList<>();
        if (selection == null) {
            return out;
        }
        for (FileEvaluation e : selection.ranked()) {
            data.releaseIfKnown(selection.request().project(), e.version())
                    .filter(info -> info.kind() == IndexData.ReleaseInfo.Kind.INVALID)
                    .ifPresent(info -> out.add(selection.request().project() + " " + e.version() + ": "
                            + info.problem()));
        }
        return out;
    }

    /** pip's "(from versions: ...)": every version of the project that installs on the target, oldest first. */
    private String versions(ProjectName project) {
        IndexData.Answer<ProjectFiles> files = data.filesAsync(project).isDone() ? data.files(project) : null;
        if (files == null || files.error() != null || !files.value().found()) {
            return "none";
        }
        TreeSet<Version> versions = new TreeSet<>();
        for (FileEvaluation f : provider.select(files.value(), project, SpecifierSet.empty(), Map.of()).files()) {
            if (f.status() == FileStatus.CANDIDATE || f.status() == FileStatus.PRERELEASE) {
                versions.add(f.version());
            }
        }
        List<String> all = versions.stream().map(Version::toString).toList();
        if (all.isEmpty()) {
            return "none";
        }
        if (all.size() > 15) {
            // pip prints them all; the oldest few and the newest ten say as much.
            return String.join(", ", all.subList(0, 3)) + ", ... (" + (all.size() - 13) + " more), "
                    + String.join(", ", all.subList(all.size() - 10, all.size()));
        }
        return String.join(", ", all);
    }

    /** The shortest chain of projects from a user's requirement to {@code identifier}, by who asked for what. */
    private static List<ProjectName> chainTo(String identifier, Map<String, Criterion<Req, Cand>> criteria) {
        Map<String, String> towardsRoot = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(identifier);
        towardsRoot.put(identifier, null);
        Set<String> seen = new HashSet<>();
        seen.add(identifier);
        String rootmost = null;
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Criterion<Req, Cand> c = criteria.get(id);
            if (c == null) {
                continue;
            }
            boolean user = false;
            List<String> parents = new ArrayList<>();
            for (Information<Req, Cand> i : c.information) {
                if (i.parent == null) {
                    user = true;
                } else {
                    parents.add(i.parent.identifier());
                }
            }
            if (user) {
                rootmost = id;
                break;
            }
            Collections.sort(parents);
            for (String p : parents) {
                if (seen.add(p)) {
                    towardsRoot.put(p, id);
                    queue.add(p);
                }
            }
        }
        if (rootmost == null) {
            ProjectName p = PipProvider.projectOf(identifier);
            return p == null ? List.of() : List.of(p);
        }
        List<ProjectName> chain = new ArrayList<>();
        for (String at = rootmost; at != null; at = towardsRoot.get(at)) {
            ProjectName p = PipProvider.projectOf(at);
            if (p != null && (chain.isEmpty() || !chain.get(chain.size() - 1).equals(p))) {
                chain.add(p);
            }
        }
        return List.copyOf(chain);
    }
}
