package io.github.wheelscout.analysis;

import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.requirement.Marker;
import io.github.wheelscout.requirement.MarkerEvaluationException;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.resolve.Resolver;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Specifier;
import io.github.wheelscout.version.SpecifierSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's entry point: for every requirement and every target, what pip would install, why, and what to
 * do instead. It asks the index for every project at once (through {@link PackageIndex#filesAsync}) and then
 * reproduces pip's choice on each target ({@link CandidateSelector}); one failing project never hides the
 * others, and a failure is reported as {@link Verdict#ERROR}, never as a success. A deep analysis
 * ({@link Builder#deep}) resolves the whole install on each target as pip's resolver does
 * ({@link io.github.wheelscout.resolve.Resolver}) and reports every package it installs, dependencies included.
 *
 * <pre>{@code
 * WheelAnalyzer analyzer = WheelAnalyzer.builder(index).build();
 * AnalysisReport report = analyzer.analyze(
 *         List.of(AnalysisRequirement.of("numpy==1.25.2")),
 *         List.of(Target.forImage("python:3.12-alpine"), Target.forImage("python:3.12-slim")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WheelAnalyzer {

    private final PackageIndex index;
    private final FormatControl formats;
    private final ReleaseControl releases;
    private final boolean preferBinary;
    /** The constraints as given, for the resolver. */
    private final List<AnalysisRequirement> constraints;
    /** The constraints by project (only indexed ones can constrain a pick). */
    private final Map<ProjectName, List<AnalysisRequirement>> constraintsByProject;
    private final AnalysisListener listener;
    private final boolean deep;

    private WheelAnalyzer(Builder builder) {
        this.index = builder.index;
        this.formats = builder.formats;
        this.releases = builder.releases;
        this.preferBinary = builder.preferBinary;
        this.constraints = builder.constraints;
        this.constraintsByProject = byProject(builder.constraints);
        this.listener = builder.listener;
        this.deep = builder.deep;
    }

    /**
     * The indexed requirements grouped by project, in their order: a pick looks at its project's lines only
     * (scanning every line for every project was quadratic in the size of a requirements file).
     */
    private static Map<ProjectName, List<AnalysisRequirement>> byProject(List<AnalysisRequirement> requirements) {
        Map<ProjectName, List<AnalysisRequirement>> out = new HashMap<>();
        for (AnalysisRequirement r : requirements) {
            if (r.isIndexed()) {
                out.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /** A builder of an analyzer that reads from {@code index}, with pip's default options. */
    public static Builder builder(PackageIndex index) {
        return new Builder(index);
    }

    /** Analyses {@code requirements} on {@code targets}, waiting for the index. */
    public AnalysisReport analyze(List<AnalysisRequirement> requirements, List<Target> targets) {
        try {
            return analyzeAsync(requirements, targets).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        } catch (ExecutionException e) {
            // Index failures are outcomes; anything else escaping is a bug.
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Analyses the requirements of a requirements file (not its constraints: give the file to
     * {@link Builder#requirementsFile} for those and for its options) on {@code targets}.
     */
    public AnalysisReport analyze(RequirementsFile file, List<Target> targets) {
        return analyze(requirementsOf(file), targets);
    }

    /** The requirements of {@code file} to analyse: every line that is not a constraint. */
    public static List<AnalysisRequirement> requirementsOf(RequirementsFile file) {
        return file.requirements().stream().filter(line -> !line.constraint()).map(AnalysisRequirement::from).toList();
    }

    /** Analyses {@code requirements} on {@code targets} without blocking the caller. */
    public CompletableFuture<AnalysisReport> analyzeAsync(List<AnalysisRequirement> requirements, List<Target> targets) {
        List<Target> targetList = List.copyOf(targets);
        if (targetList.isEmpty()) {
            throw new IllegalArgumentException("no target to analyse for");
        }
        if (deep) {
            List<AnalysisRequirement> given = List.copyOf(requirements);
            return Resolver.builder(index).formats(formats).releases(releases).preferBinary(preferBinary)
                    .constraints(constraints).listener(listener).build()
                    .resolveAsync(given, targetList)
                    .thenApply(resolutions -> DeepReport.of(given, constraints, targetList, resolutions));
        }
        List<Map<String, String>> environments = targetList.stream().map(WheelAnalyzer::environment).toList();

        // Which requirements apply on which target decides which projects are fetched at all.
        Set<ProjectName> needed = new LinkedHashSet<>();
        for (AnalysisRequirement r : requirements) {
            if (r.isIndexed() && environments.stream().anyMatch(env -> applies(r, env))) {
                needed.add(r.name());
            }
        }
        Map<ProjectName, CompletableFuture<ProjectFiles>> fetches = new LinkedHashMap<>();
        AtomicInteger done = new AtomicInteger();
        listener.fetching(needed.size());
        for (ProjectName name : needed) {
            CompletableFuture<ProjectFiles> fetch;
            try {
                fetch = index.filesAsync(name);
            } catch (RuntimeException e) {
                fetch = CompletableFuture.failedFuture(e);
            }
            fetches.put(name, fetch.whenComplete((files, error) ->
                    listener.fetched(name, done.incrementAndGet(), needed.size())));
        }
        CompletableFuture<?>[] all = fetches.values().toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).handle((ignored, error) -> report(requirements, targetList,
                environments, fetches));
    }

    /**
     * The whole decision trail for one requirement on one target: every file with pip's verdict on it, and the
     * order in which pip tries the candidates.
     *
     * @throws IOException when the index fails
     */
    public Explanation explain(Requirement requirement, Target target) throws IOException {
        AnalysisRequirement r = AnalysisRequirement.of(requirement, null);
        ProjectFiles files = index.files(r.name());
        if (!files.found()) {
            return new Explanation(r, Outcome.notFound(target, notFoundReason(files)), null);
        }
        Selection selection = new CandidateSelector(target).select(files, request(r.name(),
                r.isIndexed() ? List.of(r) : List.of(), environment(target)));
        Outcome outcome = Diagnosis.outcome(selection);
        if (!outcome.verdict().isWheel()) {
            outcome = outcome.withAdvice(Diagnosis.advice(selection, outcome.version(), List.of()));
        }
        return new Explanation(r, outcome, selection);
    }

    private AnalysisReport report(List<AnalysisRequirement> requirements, List<Target> targets,
            List<Map<String, String>> environments, Map<ProjectName, CompletableFuture<ProjectFiles>> fetches) {
        // outcomes[requirement][target]
        Outcome[][] outcomes = new Outcome[requirements.size()][targets.size()];
        Map<ProjectName, List<AnalysisRequirement>> lines = byProject(requirements);
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            Map<String, String> env = environments.get(t);
            CandidateSelector selector = new CandidateSelector(target);
            Map<ProjectName, Outcome> byProject = new HashMap<>();
            for (int r = 0; r < requirements.size(); r++) {
                AnalysisRequirement req = requirements.get(r);
                if (!req.isIndexed()) {
                    outcomes[r][t] = Outcome.notAnalysed(target, req.notIndexed() == null
                            ? "not a requirement pip resolves from an index" : req.notIndexed());
                } else if (!applies(req, env)) {
                    outcomes[r][t] = Outcome.notNeeded(target, "marker " + req.requirement().marker().orElseThrow()
                            + " is false on " + target.displayName());
                } else {
                    // Every line naming the project shares one pick: pip installs one version of it.
                    outcomes[r][t] = byProject.computeIfAbsent(req.name(), name ->
                            decide(selector, name, fetches.get(name), lines.get(name), env));
                }
            }
        }
        List<RequirementReport> reports = new ArrayList<>();
        for (int r = 0; r < requirements.size(); r++) {
            List<Outcome> row = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                row.add(withAdvice(outcomes[r], t));
            }
            reports.add(new RequirementReport(requirements.get(r), row));
        }
        List<TargetSummary> summaries = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            summaries.add(summarise(targets.get(t), reports, t));
        }
        return new AnalysisReport(targets, reports, summaries);
    }

    private Outcome decide(CandidateSelector selector, ProjectName name, CompletableFuture<ProjectFiles> fetch,
            List<AnalysisRequirement> requirements, Map<String, String> env) {
        Target target = selector.target();
        ProjectFiles files;
        try {
            files = fetch.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Outcome.error(target, "index error for " + name + ": " + describe(cause));
        }
        if (!files.found()) {
            return Outcome.notFound(target, notFoundReason(files));
        }
        Selection selection = selector.select(files, request(name, requirements, env));
        return Diagnosis.outcome(selection);
    }

    private static String notFoundReason(ProjectFiles files) {
        return files.name() + " is not on " + files.source();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /**
     * What pip is asked for {@code name} on a target: every applicable requirement and constraint, joined.
     * {@code requirements} are the indexed lines naming {@code name}.
     */
    private SelectionRequest request(ProjectName name, List<AnalysisRequirement> requirements, Map<String, String> env) {
        List<Specifier> specifiers = new ArrayList<>();
        Map<String, Set<String>> hashes = Map.of();
        for (List<AnalysisRequirement> group : List.of(requirements, constraintsByProject.getOrDefault(name, List.of()))) {
            for (AnalysisRequirement r : group) {
                if (r.isIndexed() && r.name().equals(name) && applies(r, env)) {
                    r.requirement().specifier().forEach(specifiers::add);
                    hashes = intersect(hashes, r.hashes());
                }
            }
        }
        return new SelectionRequest(name, SpecifierSet.of(specifiers), hashes, formats, releases, preferBinary);
    }

    /** pip's {@code Hashes.__and__}: no hashes allows anything; otherwise only digests present in both. */
    private static Map<String, Set<String>> intersect(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<String, Set<String>> both = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : b.entrySet()) {
            Set<String> mine = a.get(e.getKey());
            if (mine != null) {
                Set<String> common = new LinkedHashSet<>(e.getValue());
                common.retainAll(mine);
                both.put(e.getKey(), common);
            }
        }
        return both;
    }

    /** Adds advice to a source build or failure: which other targets get a wheel, and the nearest wheels. */
    static Outcome withAdvice(Outcome[] row, int t) {
        Outcome outcome = row[t];
        if (outcome.selection() == null
                || (outcome.verdict() != Verdict.SOURCE_BUILD && outcome.verdict() != Verdict.NO_MATCH)) {
            return outcome;
        }
        List<String> withWheel = new ArrayList<>();
        for (Outcome other : row) {
            if (other != outcome && other.verdict().isWheel()) {
                withWheel.add(other.target().displayName());
            }
        }
        return outcome.withAdvice(Diagnosis.advice(outcome.selection(), outcome.version(), withWheel));
    }

    static TargetSummary summarise(Target target, List<RequirementReport> reports, int t) {
        Map<Verdict, Integer> counts = new HashMap<>();
        long bytes = 0;
        int unknownSizes = 0;
        List<String> builds = new ArrayList<>();
        List<String> noMatch = new ArrayList<>();
        Set<Object> counted = new java.util.HashSet<>();
        for (RequirementReport report : reports) {
            Outcome o = report.outcome(t);
            counts.merge(o.verdict(), 1, Integer::sum);
            String name = report.requirement().displayName();
            // Several lines may name one project: its file is downloaded once.
            if (o.file() != null && counted.add(o.file().url())) {
                if (o.size().isPresent()) {
                    bytes += o.size().getAsLong();
                } else {
                    unknownSizes++;
                }
            }
            if (o.verdict() == Verdict.SOURCE_BUILD && !builds.contains(name)) {
                builds.add(name);
            } else if (o.verdict() == Verdict.NO_MATCH && !noMatch.contains(name)) {
                noMatch.add(name);
            }
        }
        return new TargetSummary(target, counts, bytes, unknownSizes, builds, noMatch);
    }

    private static Map<String, String> environment(Target target) {
        Map<String, String> env = new HashMap<>(target.markerEnvironment());
        // pip evaluates a top-level requirement's marker with no extra requested.
        env.put("extra", "");
        return Map.copyOf(env);
    }

    private static boolean applies(AnalysisRequirement r, Map<String, String> env) {
        if (r.requirement() == null) {
            return true;
        }
        Marker marker = r.requirement().marker().orElse(null);
        if (marker == null) {
            return true;
        }
        try {
            return marker.evaluate(env);
        } catch (MarkerEvaluationException e) {
            // pip fails on such a marker; treating it as true keeps the requirement visible rather than hiding it.
            return true;
        }
    }

    /** Configures a {@link WheelAnalyzer}. */
    public static final class Builder {
        private final PackageIndex index;
        private FormatControl formats = FormatControl.DEFAULT;
        private ReleaseControl releases = ReleaseControl.DEFAULT;
        private boolean preferBinary;
        private List<AnalysisRequirement> constraints = List.of();
        private AnalysisListener listener = AnalysisListener.NONE;
        private boolean deep;

        private Builder(PackageIndex index) {
            this.index = Objects.requireNonNull(index, "index");
        }

        /** {@code --no-binary} / {@code --only-binary}. */
        public Builder formats(FormatControl formats) {
            this.formats = Objects.requireNonNull(formats, "formats");
            return this;
        }

        /** {@code --pre} / {@code --all-releases} / {@code --only-final}. */
        public Builder releases(ReleaseControl releases) {
            this.releases = Objects.requireNonNull(releases, "releases");
            return this;
        }

        /** {@code --prefer-binary}. */
        public Builder preferBinary(boolean preferBinary) {
            this.preferBinary = preferBinary;
            return this;
        }

        /** Constraints ({@code -c} files): they narrow the versions of projects that are required, nothing more. */
        public Builder constraints(List<AnalysisRequirement> constraints) {
            this.constraints = List.copyOf(constraints);
            return this;
        }

        /**
         * Applies the options of a requirements file, in order, after those already set, as pip does:
         * {@code --no-binary}, {@code --only-binary}, {@code --pre}, {@code --all-releases}, {@code --only-final},
         * {@code --prefer-binary}. Index options are the index client's business and are ignored here.
         */
        public Builder fileOptions(List<GlobalOption> options) {
            for (GlobalOption option : options) {
                switch (option.name()) {
                    case "--no-binary" -> formats = formats.withNoBinary(option.value());
                    case "--only-binary" -> formats = formats.withOnlyBinary(option.value());
                    case "--pre" -> releases = releases.withAllReleases(":all:");
                    case "--all-releases" -> releases = releases.withAllReleases(option.value());
                    case "--only-final" -> releases = releases.withOnlyFinal(option.value());
                    case "--prefer-binary" -> preferBinary = true;
                    default -> {
                        // Not about choosing files.
                    }
                }
            }
            return this;
        }

        /**
         * The requirements file's options ({@link #fileOptions}) and its constraints ({@code -c} files), added to
         * those already set.
         */
        public Builder requirementsFile(RequirementsFile file) {
            fileOptions(file.options());
            List<AnalysisRequirement> all = new ArrayList<>(constraints);
            file.requirements().stream().filter(RequirementLine::constraint).map(AnalysisRequirement::from)
                    .forEach(all::add);
            constraints = List.copyOf(all);
            return this;
        }

        /** Hears the progress of fetches. */
        public Builder listener(AnalysisListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * {@code check --deep}: resolve the whole install on each target as pip does ({@link Resolver}) and report
         * every package pip installs, dependencies included, each with the chain that brings it in
         * ({@link RequirementReport#via()}) and the resolutions themselves ({@link AnalysisReport#resolutions()}).
         */
        public Builder deep(boolean deep) {
            this.deep = deep;
            return this;
        }

        /** The analyzer. */
        public WheelAnalyzer build() {
            return new WheelAnalyzer(this);
        }
    }
}
