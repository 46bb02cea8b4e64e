package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.CandidateSelector;
import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.analysis.FormatControl;
import io.github.wheelscout.analysis.ReleaseControl;
import io.github.wheelscout.analysis.Selection;
import io.github.wheelscout.analysis.SelectionRequest;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.Marker;
import io.github.wheelscout.requirement.MarkerEvaluationException;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.resolve.Resolvelib.Candidates;
import io.github.wheelscout.resolve.Resolvelib.Criterion;
import io.github.wheelscout.resolve.Resolvelib.Information;
import io.github.wheelscout.resolve.Resolvelib.Lookup;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Specifier;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * pip 26.2.1's {@code PipProvider} and the parts of its {@code Factory} the resolver reaches, for one target: which
 * candidates a set of requirements allows ({@link CandidateSelector}'s ranked candidates, as pip's finder ranks
 * them), which requirements a candidate brings (the index's release metadata, markers evaluated for the target and
 * the requested extras), and which criterion to pin next ({@code narrow_requirement_selection},
 * {@code get_preference}).
 *
 * <p>Index answers come from {@link IndexData}; an answer that has not arrived throws {@link Pending}.
 */
final class PipProvider implements Resolvelib.Provider<Req, Cand, PipProvider.Preference> {

    /** pip's {@code _CONFLICT_PRIORITY_THRESHOLD}. */
    private static final int CONFLICT_PRIORITY_THRESHOLD = 5;
    /** How many older candidates to ask metadata for at once once pip starts walking back through versions. */
    private static final int METADATA_LOOKAHEAD = 3;

    /** A constraint ({@code -c}): a specifier and hashes that narrow a project without requiring it. */
    record Constraint(SpecifierSet specifier, Map<String, Set<String>> hashes) {
        static final Constraint EMPTY = new Constraint(SpecifierSet.empty(), Map.of());
    }

    private final Map<String, String> environment;
    private final Cand.Python python;
    private final CandidateSelector selector;
    private final IndexData data;
    private final FormatControl formats;
    private final ReleaseControl releases;
    private final boolean preferBinary;
    private final Map<ProjectName, Constraint> constraints;
    private final Map<String, Integer> userRequested;
    private final Map<ProjectName, String> external;
    private final Map<String, Integer> conflictCounts = new HashMap<>();
    private final Set<String> conflictPromoted = new HashSet<>();
    private final Map<SelectionKey, Selection> selections = new HashMap<>();
    private final Map<Cand, List<Req>> dependencies = new HashMap<>();
    /** Why a candidate's dependencies are not fully known (a URL dependency, a marker that cannot be evaluated). */
    private final Map<Cand.Link, Set<String>> dependencyProblems = new HashMap<>();

    private record SelectionKey(ProjectName project, SpecifierSet specifier, Map<String, Set<String>> hashes) {
    }

    PipProvider(Target target, IndexData data, FormatControl formats, ReleaseControl releases, boolean preferBinary,
            Map<ProjectName, Constraint> constraints, Map<String, Integer> userRequested,
            Map<ProjectName, String> external) {
        Map<String, String> env = new HashMap<>(target.markerEnvironment());
        env.put("extra", "");
        this.environment = Map.copyOf(env);
        this.python = new Cand.Python(pythonVersion(target));
        this.selector = new CandidateSelector(target);
        this.data = data;
        this.formats = formats;
        this.releases = releases;
        this.preferBinary = preferBinary;
        this.constraints = Map.copyOf(constraints);
        this.userRequested = Map.copyOf(userRequested);
        this.external = Map.copyOf(external);
    }

    Map<ProjectName, Constraint> constraints() {
        return constraints;
    }

    /** The Python version pip checks Requires-Python against. */
    Version python() {
        return python.version();
    }

    /** Problems that leave a candidate's dependencies partly unknown. */
    Set<String> dependencyProblems(Cand.Link candidate) {
        return dependencyProblems.getOrDefault(candidate, Set.of());
    }

    // ---- the root requirements (pip's collect_root_requirements) ----

    /**
     * The resolver requirements of a requirement the user gave, or none when its marker is false in
     * {@code environment} (pip's {@code _make_requirements_from_install_req} with no extra requested).
     */
    static List<Req> fromUser(Requirement requirement, Map<String, Set<String>> hashes,
            Map<String, String> environment) {
        if (!applies(requirement.marker().orElse(null), environment)) {
            return List.of();
        }
        return make(requirement, hashes);
    }

    /**
     * Whether a user's requirement or constraint applies in {@code environment} (evaluated with no extra, as pip's
     * {@code match_markers()}); a marker that cannot be evaluated counts as true, so that nothing is hidden.
     */
    static boolean applies(Marker marker, Map<String, String> environment) {
        if (marker == null) {
            return true;
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("extra", "");
        try {
            return marker.evaluate(env);
        } catch (MarkerEvaluationException e) {
            return true;
        }
    }

    /** One requirement as pip splits it: with extras and a specifier, the base is required on its own too. */
    private static List<Req> make(Requirement r, Map<String, Set<String>> hashes) {
        SortedSet<String> extras = canonicalExtras(r.extras());
        List<Req> out = new ArrayList<>(2);
        if (!extras.isEmpty() && !r.specifier().isEmpty()) {
            out.add(new Req.Specifier(r.projectName(), Collections.emptySortedSet(), r.specifier(), hashes,
                    withoutExtras(r)));
        }
        out.add(new Req.Specifier(r.projectName(), extras, r.specifier(), hashes, r.toString()));
        return out;
    }

    private static String withoutExtras(Requirement r) {
        return r.name() + r.specifier() + r.marker().map(m -> "; " + m).orElse("");
    }

    private static SortedSet<String> canonicalExtras(Set<String> extras) {
        TreeSet<String> out = new TreeSet<>();
        for (String e : extras) {
            out.add(ProjectName.normalize(e));
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * pip's {@code match_markers} (and the metadata's {@code iter_dependencies}): the marker holds with one of the
     * requested extras, or with the empty extra when none is requested. A marker that cannot be evaluated is
     * recorded as a problem of {@code parent} and counts as false.
     */
    private boolean markerApplies(Marker marker, Set<String> extras, List<String> problems) {
        if (marker == null) {
            return true;
        }
        Iterable<String> tried = extras.isEmpty() ? List.of("") : extras;
        for (String extra : tried) {
            Map<String, String> env = new HashMap<>(environment);
            env.put("extra", extra);
            try {
                if (marker.evaluate(env)) {
                    return true;
                }
            } catch (MarkerEvaluationException e) {
                if (problems != null) {
                    problems.add("the marker '" + marker + "' cannot be evaluated: " + e.getMessage());
                }
                return false;
            }
        }
        return false;
    }

    private boolean markerApplies(Marker marker, List<String> extras, List<String> problems) {
        return markerApplies(marker, new LinkedHashSet<>(extras), problems);
    }

    // ---- resolvelib's provider ----

    @Override
    public String identify(Req requirement) {
        return requirement.identifier();
    }

    @Override
    public String identifyCandidate(Cand candidate) {
        return candidate.identifier();
    }

    @Override
    public List<String> narrowRequirementSelection(List<String> identifiers, Map<String, Cand> resolutions,
            Map<String, Criterion<Req, Cand>> criteria, List<Information<Req, Cand>> backtrackCauses) {
        Set<String> backtrackIdentifiers = new HashSet<>();
        for (Information<Req, Cand> info : backtrackCauses) {
            List<String> names = new ArrayList<>(2);
            names.add(info.requirement.identifier());
            if (info.parent != null) {
                names.add(info.parent.identifier());
            }
            for (String name : names) {
                backtrackIdentifiers.add(name);
                if (!resolutions.containsKey(name)) {
                    int count = conflictCounts.merge(name, 1, Integer::sum);
                    if (count >= CONFLICT_PRIORITY_THRESHOLD) {
                        conflictPromoted.add(name);
                    }
                }
            }
        }
        List<String> currentBacktrackCauses = new ArrayList<>();
        List<String> promoted = new ArrayList<>();
        for (String identifier : identifiers) {
            if (identifier.equals(Cand.REQUIRES_PYTHON)) {
                return List.of(identifier);
            }
            if (backtrackIdentifiers.contains(identifier)) {
                currentBacktrackCauses.add(identifier);
                continue;
            }
            if (conflictPromoted.contains(identifier)) {
                promoted.add(identifier);
            }
        }
        if (!currentBacktrackCauses.isEmpty()) {
            return currentBacktrackCauses;
        }
        if (!promoted.isEmpty()) {
            return promoted;
        }
        return identifiers;
    }

    /** pip's preference key; the lowest is pinned first. */
    record Preference(boolean notConflictPromoted, boolean notDirect, boolean notPinned, boolean notUpperBounded,
            int requestedOrder, boolean free, String identifier) implements Comparable<Preference> {

        @Override
        public int compareTo(Preference o) {
            int c = Boolean.compare(notConflictPromoted, o.notConflictPromoted);
            if (c == 0) {
                c = Boolean.compare(notDirect, o.notDirect);
            }
            if (c == 0) {
                c = Boolean.compare(notPinned, o.notPinned);
            }
            if (c == 0) {
                c = Boolean.compare(notUpperBounded, o.notUpperBounded);
            }
            if (c == 0) {
                c = Integer.compare(requestedOrder, o.requestedOrder);
            }
            if (c == 0) {
                c = Boolean.compare(free, o.free);
            }
            return c != 0 ? c : identifier.compareTo(o.identifier);
        }
    }

    @Override
    public Preference getPreference(String identifier, Map<String, Cand> resolutions,
            Map<String, Criterion<Req, Cand>> criteria, List<Information<Req, Cand>> backtrackCauses) {
        Criterion<Req, Cand> criterion = criteria.get(identifier);
        boolean direct = false;
        boolean pinned = false;
        boolean upperBounded = false;
        boolean unfree = false;
        if (criterion != null) {
            for (Information<Req, Cand> info : criterion.information) {
                if (info.requirement instanceof Req.Explicit) {
                    direct = true;
                } else if (info.requirement instanceof Req.Specifier s) {
                    for (Specifier spec : s.specifier()) {
                        unfree = true;
                        Specifier.Operator op = spec.operator();
                        boolean star = spec.version().contains("*");
                        if ((op == Specifier.Operator.EQUAL || op == Specifier.Operator.ARBITRARY) && !star) {
                            pinned = true;
                        }
                        if (op == Specifier.Operator.LESS || op == Specifier.Operator.LESS_EQUAL
                                || op == Specifier.Operator.COMPATIBLE || (op == Specifier.Operator.EQUAL && star)) {
                            upperBounded = true;
                        }
                    }
                }
            }
        }
        return new Preference(!conflictPromoted.contains(identifier), !direct, !pinned, !upperBounded,
                userRequested.getOrDefault(identifier, Integer.MAX_VALUE), !unfree, identifier);
    }

    @Override
    public boolean isSatisfiedBy(Req requirement, Cand candidate) {
        if (candidate instanceof Cand.Opaque) {
            return true;
        }
        if (requirement instanceof Req.Explicit e) {
            return candidate.equals(e.candidate());
        }
        if (requirement instanceof Req.RequiresPython rp) {
            return rp.specifier().contains(candidate.version(), true);
        }
        return ((Req.Specifier) requirement).specifier().contains(candidate.version(), true);
    }

    @Override
    public Candidates<Cand> findMatches(String identifier, Lookup<Req> requirements, Lookup<Cand> incompatibilities) {
        List<Req> own = requirements.get(identifier);
        if (identifier.equals(Cand.REQUIRES_PYTHON)) {
            boolean any = false;
            for (Req r : own) {
                any |= isSatisfiedBy(r, python);
            }
            if (!any || incompatibilities.get(identifier).contains(python)) {
                return ListCandidates.EMPTY;
            }
            for (Req r : own) {
                if (!isSatisfiedBy(r, python)) {
                    return ListCandidates.EMPTY;
                }
            }
            return new ListCandidates(List.of(python));
        }
        LinkedHashSet<Cand> explicit = new LinkedHashSet<>();
        List<Req.Specifier> ireqs = new ArrayList<>();
        for (Req r : own) {
            if (r instanceof Req.Explicit e) {
                explicit.add(e.candidate());
            } else if (r instanceof Req.Specifier s) {
                ireqs.add(s);
            }
        }
        ProjectName project = null;
        SortedSet<String> identifierExtras = Collections.emptySortedSet();
        int bracket = identifier.indexOf('[');
        if (bracket > 0) {
            String base = identifier.substring(0, bracket);
            identifierExtras = new TreeSet<>(List.of(identifier.substring(bracket + 1, identifier.length() - 1)
                    .split(",")));
            for (Req r : requirements.get(base)) {
                if (r instanceof Req.Explicit e && e.candidate() instanceof Cand.Link link) {
                    explicit.add(new Cand.Extras(link, identifierExtras));
                } else if (r instanceof Req.Specifier s) {
                    ireqs.add(s);
                }
            }
            project = new ProjectName(base);
        } else {
            project = new ProjectName(identifier);
        }
        String externalReason = external.get(project);
        if (externalReason != null) {
            // pip would build the user's URL, path or editable and use it; wheelscout does not build.
            return new ListCandidates(List.of(new Cand.Opaque(identifier, project, externalReason, false)));
        }
        Constraint constraint = constraints.getOrDefault(project, Constraint.EMPTY);
        Set<Cand> incompatible = new HashSet<>(incompatibilities.get(identifier));
        if (explicit.isEmpty()) {
            return foundCandidates(project, ireqs, constraint, incompatible, identifier);
        }
        List<Cand> out = new ArrayList<>();
        for (Cand c : explicit) {
            if (incompatible.contains(c) || !constraint.specifier().contains(c.version(), true)) {
                continue;
            }
            boolean all = true;
            for (Req r : own) {
                all &= isSatisfiedBy(r, c);
            }
            if (all) {
                out.add(c);
            }
        }
        return new ListCandidates(out);
    }

    /** pip's {@code _iter_found_candidates}: the index's candidates for every requirement and the constraint. */
    private Candidates<Cand> foundCandidates(ProjectName project, List<Req.Specifier> ireqs, Constraint constraint,
            Set<Cand> incompatible, String identifier) {
        if (ireqs.isEmpty()) {
            return ListCandidates.EMPTY;
        }
        List<Specifier> specifiers = new ArrayList<>(constraint.specifier().specifiers());
        Map<String, Set<String>> hashes = constraint.hashes();
        TreeSet<String> extras = new TreeSet<>();
        for (Req.Specifier r : ireqs) {
            specifiers.addAll(r.specifier().specifiers());
            hashes = intersect(hashes, r.hashes());
            extras.addAll(r.extras());
        }
        IndexData.Answer<ProjectFiles> files = data.files(project);
        if (files.error() != null) {
            return new ListCandidates(List.of(new Cand.Opaque(identifier, project, "index error: " + files.error(), true)));
        }
        if (!files.value().found()) {
            return ListCandidates.EMPTY;
        }
        Selection selection = select(files.value(), project, SpecifierSet.of(specifiers), hashes);
        SortedSet<String> frozenExtras = Collections.unmodifiableSortedSet(extras);
        List<Cand> out = new ArrayList<>(selection.ranked().size());
        for (FileEvaluation e : selection.ranked()) {
            Cand.Link link = link(project, e);
            Cand c = frozenExtras.isEmpty() ? link : new Cand.Extras(link, frozenExtras);
            if (!incompatible.contains(c)) {
                out.add(c);
            }
        }
        return new FoundCandidates(out);
    }

    private static Cand.Link link(ProjectName project, FileEvaluation e) {
        String spelling = e.file().version() != null ? e.file().version() : e.version().toString();
        return new Cand.Link(project, e.version(), e, spelling);
    }

    /** {@link CandidateSelector#select}, memoised: the same request is asked many times while resolving. */
    Selection select(ProjectFiles files, ProjectName project, SpecifierSet specifier, Map<String, Set<String>> hashes) {
        return selections.computeIfAbsent(new SelectionKey(project, specifier, hashes), k -> selector.select(files,
                new SelectionRequest(project, specifier, hashes, formats, releases, preferBinary)));
    }

    /** pip's {@code Hashes.__and__}: no hashes allows anything; otherwise only digests present in both. */
    static Map<String, Set<String>> intersect(Map<String, Set<String>> a, Map<String, Set<String>> b) {
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
                both.put(e.getKey(), Set.copyOf(common));
            }
        }
        return Map.copyOf(both);
    }

    @Override
    public List<Req> getDependencies(Cand candidate) {
        List<Req> known = dependencies.get(candidate);
        if (known != null) {
            return known;
        }
        List<Req> deps;
        if (candidate instanceof Cand.Link link) {
            deps = linkDependencies(link);
        } else if (candidate instanceof Cand.Extras extras) {
            deps = extrasDependencies(extras);
        } else {
            deps = List.of();
        }
        dependencies.put(candidate, deps);
        return deps;
    }

    private IndexData.ReleaseInfo release(Cand.Link link) {
        return data.release(link.project(), link.version(), link.spelling());
    }

    /** {@code _InstallRequirementBackedCandidate.iter_dependencies}: Requires-Python first, then Requires-Dist. */
    private List<Req> linkDependencies(Cand.Link link) {
        IndexData.ReleaseInfo info = release(link);
        List<Req> out = new ArrayList<>();
        if (info.requiresPython() != null && !info.requiresPython().isEmpty()) {
            out.add(new Req.RequiresPython(info.requiresPython()));
            if (!info.requiresPython().contains(python.version(), true)) {
                return out; // the candidate fails here: its dependencies are not looked at
            }
        }
        List<String> problems = new ArrayList<>();
        for (Requirement r : info.requiresDist()) {
            if (markerApplies(r.marker().orElse(null), List.of(), problems)) {
                addDependency(r, problems, out);
            }
        }
        record(link, problems);
        return prefetched(out);
    }

    /** {@code ExtrasCandidate.iter_dependencies}: the exact base, then the dependencies with the extras. */
    private List<Req> extrasDependencies(Cand.Extras candidate) {
        List<Req> out = new ArrayList<>();
        out.add(new Req.Explicit(candidate.base()));
        IndexData.ReleaseInfo info = release(candidate.base());
        Set<String> valid = new LinkedHashSet<>();
        for (String extra : candidate.extras()) {
            if (provides(info, extra)) {
                valid.add(extra);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Requirement r : info.requiresDist()) {
            if (markerApplies(r.marker().orElse(null), valid, problems)) {
                addDependency(r, problems, out);
            }
        }
        record(candidate.base(), problems);
        return prefetched(out);
    }

    /**
     * Whether the release provides {@code extra}. pip reads {@code Provides-Extra}, which the index's release
     * metadata does not carry; an extra counts as provided when some Requires-Dist marker tells it apart from no
     * extra on this target, which selects exactly the same dependencies.
     */
    private boolean provides(IndexData.ReleaseInfo info, String extra) {
        for (Requirement r : info.requiresDist()) {
            Marker m = r.marker().orElse(null);
            if (m != null && markerApplies(m, Set.of(extra), null) != markerApplies(m, Set.of(), null)) {
                return true;
            }
        }
        return false;
    }

    private void addDependency(Requirement r, List<String> problems, List<Req> out) {
        if (r.url().isPresent()) {
            problems.add("its dependency " + r + " is a direct reference, not resolved from an index");
            return;
        }
        out.addAll(make(r, Map.of()));
    }

    private void record(Cand.Link link, List<String> problems) {
        if (!problems.isEmpty()) {
            dependencyProblems.computeIfAbsent(link, k -> new LinkedHashSet<>()).addAll(problems);
        }
    }

    /**
     * The dependencies, once the files of every project they name have arrived (asked all at once); the metadata
     * of each one's likely pick is asked for too, without waiting, so that the next rounds find it there.
     */
    private List<Req> prefetched(List<Req> deps) {
        List<CompletableFuture<?>> needed = new ArrayList<>();
        for (Req r : deps) {
            if (r instanceof Req.Specifier s) {
                needed.add(data.filesAsync(s.project()));
            }
        }
        Pending.awaitAll(needed);
        for (Req r : deps) {
            if (r instanceof Req.Specifier s) {
                IndexData.Answer<ProjectFiles> files = data.files(s.project());
                if (files.error() == null && files.value().found()) {
                    Constraint c = constraints.getOrDefault(s.project(), Constraint.EMPTY);
                    List<Specifier> specs = new ArrayList<>(c.specifier().specifiers());
                    specs.addAll(s.specifier().specifiers());
                    Selection guess = select(files.value(), s.project(), SpecifierSet.of(specs), c.hashes());
                    if (!guess.ranked().isEmpty()) {
                        Cand.Link first = link(s.project(), guess.ranked().get(0));
                        data.releaseAsync(first.project(), first.version(), first.spelling());
                    }
                }
            }
        }
        return List.copyOf(deps);
    }

    // ---- candidate lists ----

    /** Explicit candidates: a plain list. */
    private static final class ListCandidates implements Candidates<Cand> {
        static final ListCandidates EMPTY = new ListCandidates(List.of());
        private final List<Cand> candidates;

        ListCandidates(List<Cand> candidates) {
            this.candidates = List.copyOf(candidates);
        }

        @Override
        public boolean isEmpty() {
            return candidates.isEmpty();
        }

        @Override
        public Iterator<Cand> iterator() {
            return candidates.iterator();
        }
    }

    /**
     * pip's {@code FoundCandidates}: the index's candidates, best first, skipping releases whose metadata pip
     * cannot read (as pip skips a version with invalid metadata when it builds the candidate). Knowing whether a
     * candidate is usable needs its metadata, as pip needs it to build the candidate.
     */
    private final class FoundCandidates implements Candidates<Cand> {
        private final List<Cand> candidates;
        private Boolean empty;

        FoundCandidates(List<Cand> candidates) {
            this.candidates = candidates;
        }

        @Override
        public boolean isEmpty() {
            if (empty == null) {
                empty = !iterator().hasNext();
            }
            return empty;
        }

        @Override
        public Iterator<Cand> iterator() {
            return new Iterator<>() {
                private int next;
                private Cand ready;

                @Override
                public boolean hasNext() {
                    while (ready == null && next < candidates.size()) {
                        Cand c = candidates.get(next);
                        Cand.Link base = c instanceof Cand.Extras e ? e.base() : (Cand.Link) c;
                        CompletableFuture<IndexData.ReleaseInfo> info = data.releaseAsync(base.project(),
                                base.version(), base.spelling());
                        if (!info.isDone() && next > 0) {
                            // Walking back through versions: ask for the next few at once.
                            for (int i = next + 1; i < Math.min(candidates.size(), next + 1 + METADATA_LOOKAHEAD); i++) {
                                Cand o = candidates.get(i);
                                Cand.Link b = o instanceof Cand.Extras e ? e.base() : (Cand.Link) o;
                                data.releaseAsync(b.project(), b.version(), b.spelling());
                            }
                        }
                        Pending.await(info);
                        next++;
                        if (info.join().kind() != IndexData.ReleaseInfo.Kind.INVALID) {
                            ready = c;
                        }
                    }
                    return ready != null;
                }

                @Override
                public Cand next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Cand c = ready;
                    ready = null;
                    return c;
                }
            };
        }
    }

    /** The {@code major.minor.micro} pip compares Requires-Python with, as {@link CandidateSelector} does. */
    static Version pythonVersion(Target target) {
        String full = target.pythonFullVersion().orElse(target.pythonVersion());
        List<BigInteger> release = Version.tryParse(full).map(Version::release).orElse(List.of());
        if (release.size() < 2) {
            return Version.parse(target.pythonVersion() + ".0");
        }
        BigInteger micro = release.size() > 2 ? release.get(2) : BigInteger.ZERO;
        return Version.parse(release.get(0) + "." + release.get(1) + "." + micro);
    }

    /** The candidate's file when it is one of the index's ({@code null} otherwise). */
    static Cand.Link base(Cand c) {
        if (c instanceof Cand.Link l) {
            return l;
        }
        if (c instanceof Cand.Extras e) {
            return e.base();
        }
        return null;
    }

    /** The project of a resolver identifier, or {@code null} for the Requires-Python identifier. */
    static ProjectName projectOf(String identifier) {
        if (identifier.equals(Cand.REQUIRES_PYTHON)) {
            return null;
        }
        int bracket = identifier.indexOf('[');
        return new ProjectName(bracket < 0 ? identifier : identifier.substring(0, bracket));
    }

    /** The extras of an identifier ({@code name[a,b]}), empty for a plain name. */
    static SortedSet<String> extrasOf(String identifier) {
        int bracket = identifier.indexOf('[');
        if (bracket < 0) {
            return Collections.emptySortedSet();
        }
        return new TreeSet<>(List.of(identifier.substring(bracket + 1, identifier.length() - 1).split(",")));
    }
}
