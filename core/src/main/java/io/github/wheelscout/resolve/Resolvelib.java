package io.github.wheelscout.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * resolvelib 1.2.1's {@code Resolution} (the algorithm pip 26.2.1 vendors), ported step for step so that the same
 * provider answers lead to the same pins, the same backjumps and the same failures: rounds that pin the most
 * preferred unsatisfied criterion, newest candidate first; backjumping to the state that caused an incompatibility,
 * with resolvelib's "optimistic" backjumping and its rollback; a round limit.
 *
 * <p>One difference in form, none in result: every round is <em>restartable</em>. A provider may throw
 * {@link Pending} when an index answer it needs has not arrived; nothing the round did is kept, and calling
 * {@link #run} again (once the answer is there) replays the round from its start. Python's resolvelib mutates
 * states in place while backjumping; here the backjump works on a copy of the state stack and commits it only
 * when it finishes, and the round's choice of criterion (which updates the provider's conflict counts) is made once
 * per round, not once per attempt.
 *
 * <p>Not thread-safe: one resolution runs on one thread at a time.
 *
 * @param <R> requirements
 * @param <C> candidates
 * @param <P> the provider's preference keys (lowest first)
 */
final class Resolvelib<R, C, P extends Comparable<P>> {

    private static final double OPTIMISTIC_BACKJUMPING_RATIO = 0.1;

    /** What resolvelib asks of pip's provider. Identifiers are strings. */
    interface Provider<R, C, P> {
        String identify(R requirement);

        String identifyCandidate(C candidate);

        List<String> narrowRequirementSelection(List<String> identifiers, Map<String, C> resolutions,
                Map<String, Criterion<R, C>> criteria, List<Information<R, C>> backtrackCauses);

        P getPreference(String identifier, Map<String, C> resolutions, Map<String, Criterion<R, C>> criteria,
                List<Information<R, C>> backtrackCauses);

        /**
         * The candidates for {@code identifier}, best first. {@code requirements} and {@code incompatibilities}
         * answer for any identifier (empty when none).
         */
        Candidates<C> findMatches(String identifier, Lookup<R> requirements, Lookup<C> incompatibilities);

        boolean isSatisfiedBy(R requirement, C candidate);

        List<R> getDependencies(C candidate);
    }

    /** resolvelib's {@code IteratorMapping}: a read-only view of criteria, with appended entries. */
    interface Lookup<T> {
        List<T> get(String identifier);
    }

    /**
     * What {@code find_matches} returns: iterable more than once, lazily (iterating or asking emptiness may need an
     * index answer and throw {@link Pending}).
     */
    interface Candidates<C> extends Iterable<C> {
        boolean isEmpty();
    }

    /** A requirement and the candidate that brought it in ({@code null}: the user). Identity, as resolvelib's. */
    static final class Information<R, C> {
        final R requirement;
        final C parent;

        Information(R requirement, C parent) {
            this.requirement = requirement;
            this.parent = parent;
        }

        @Override
        public String toString() {
            return requirement + " (from " + (parent == null ? "the user" : parent) + ")";
        }
    }

    /** What is known of one identifier: its candidates, who asks for it, and the candidates known not to work. */
    static final class Criterion<R, C> {
        final Candidates<C> candidates;
        final List<Information<R, C>> information;
        final List<C> incompatibilities;

        Criterion(Candidates<C> candidates, List<Information<R, C>> information, List<C> incompatibilities) {
            this.candidates = candidates;
            this.information = information;
            this.incompatibilities = incompatibilities;
        }

        List<R> requirements() {
            List<R> out = new ArrayList<>(information.size());
            for (Information<R, C> i : information) {
                out.add(i.requirement);
            }
            return out;
        }
    }

    /** One round's state: the pins (in pinning order), the criteria (in insertion order), the backtrack causes. */
    static final class State<R, C> {
        final LinkedHashMap<String, C> mapping;
        final LinkedHashMap<String, Criterion<R, C>> criteria;
        final List<Information<R, C>> backtrackCauses;

        State(LinkedHashMap<String, C> mapping, LinkedHashMap<String, Criterion<R, C>> criteria,
                List<Information<R, C>> backtrackCauses) {
            this.mapping = mapping;
            this.criteria = criteria;
            this.backtrackCauses = backtrackCauses;
        }

        State<R, C> copy() {
            return new State<>(new LinkedHashMap<>(mapping), new LinkedHashMap<>(criteria),
                    new ArrayList<>(backtrackCauses));
        }

        /** The last pin (Python's {@code popitem()} without the removal). */
        Map.Entry<String, C> lastPin() {
            Map.Entry<String, C> last = null;
            for (Map.Entry<String, C> e : mapping.entrySet()) {
                last = e;
            }
            return last;
        }
    }

    /** resolvelib's {@code ResolutionImpossible}: the requirements that cannot all be satisfied. */
    static final class ResolutionImpossible extends Exception {
        private static final long serialVersionUID = 1L;
        final transient List<? extends Information<?, ?>> causes;
        /** The criteria of the state in which the last conflict was found, to trace who asked for what. */
        final transient Map<String, ? extends Criterion<?, ?>> criteria;

        ResolutionImpossible(List<? extends Information<?, ?>> causes, Map<String, ? extends Criterion<?, ?>> criteria) {
            super("resolution impossible", null, false, false);
            this.causes = causes;
            this.criteria = criteria;
        }
    }

    /** resolvelib's {@code ResolutionTooDeep}. */
    static final class ResolutionTooDeep extends Exception {
        private static final long serialVersionUID = 1L;
        final int rounds;

        ResolutionTooDeep(int rounds) {
            super("resolution too deep: " + rounds + " rounds", null, false, false);
            this.rounds = rounds;
        }
    }

    private static final class RequirementsConflicted extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Criterion<?, ?> criterion;

        RequirementsConflicted(Criterion<?, ?> criterion) {
            super(null, null, false, false);
            this.criterion = criterion;
        }
    }

    private final Provider<R, C, P> provider;
    private final List<R> rootRequirements;
    private final int maxRounds;

    private List<State<R, C>> states = new ArrayList<>();
    private double optimisticRatio = OPTIMISTIC_BACKJUMPING_RATIO;
    private List<State<R, C>> saveStates;
    private boolean initialized;
    private int roundIndex;
    private Integer optimisticStartRound;
    private Integer optimisticRoundsCutoff;
    /** The criterion this round pins, chosen once per round (choosing updates the provider's conflict counts). */
    private String roundName;
    private Set<String> roundSatisfied;
    /** The criteria of the state where the last pinning failed, for explaining a failure. */
    private Map<String, Criterion<R, C>> conflictCriteria;
    private int rounds;

    Resolvelib(Provider<R, C, P> provider, List<R> rootRequirements, int maxRounds) {
        this.provider = provider;
        this.rootRequirements = List.copyOf(rootRequirements);
        this.maxRounds = maxRounds;
    }

    /** The rounds run so far (including the round in progress). */
    int rounds() {
        return rounds;
    }

    private State<R, C> state() {
        return states.get(states.size() - 1);
    }

    /**
     * Runs (or resumes) the resolution to its end.
     *
     * @return the final state
     * @throws Pending              when an index answer is needed first; call again once it has arrived
     * @throws ResolutionImpossible when no set of candidates satisfies every requirement
     * @throws ResolutionTooDeep    after {@code maxRounds} rounds
     */
    State<R, C> run() throws ResolutionImpossible, ResolutionTooDeep {
        if (!initialized) {
            LinkedHashMap<String, Criterion<R, C>> criteria = new LinkedHashMap<>();
            for (R r : rootRequirements) {
                try {
                    addToCriteria(criteria, r, null);
                } catch (RequirementsConflicted e) {
                    throw new ResolutionImpossible(cast(e.criterion).information, criteria);
                }
            }
            states = new ArrayList<>();
            states.add(new State<>(new LinkedHashMap<>(), criteria, new ArrayList<>()));
            // The root state is kept as a sentinel so that the first pin has something to backtrack to.
            pushNewState();
            initialized = true;
        }
        while (roundIndex < maxRounds) {
            if (roundName == null) {
                rounds = roundIndex + 1;
                if (optimisticRatio != 0 && saveStates != null) {
                    if (optimisticStartRound == null) {
                        optimisticStartRound = roundIndex;
                        optimisticRoundsCutoff = (int) ((maxRounds - roundIndex) * optimisticRatio);
                        if (optimisticRoundsCutoff <= 0) {
                            rollbackStates();
                            roundIndex++;
                            continue;
                        }
                    } else if (optimisticRoundsCutoff != null
                            && roundIndex - optimisticStartRound >= optimisticRoundsCutoff) {
                        rollbackStates();
                        roundIndex++;
                        continue;
                    }
                }
                List<String> unsatisfied = new ArrayList<>();
                for (Map.Entry<String, Criterion<R, C>> e : state().criteria.entrySet()) {
                    if (!isCurrentPinSatisfying(e.getKey(), e.getValue())) {
                        unsatisfied.add(e.getKey());
                    }
                }
                if (unsatisfied.isEmpty()) {
                    return state();
                }
                Set<String> satisfied = new HashSet<>(state().criteria.keySet());
                satisfied.removeAll(unsatisfied);
                List<String> narrowed = unsatisfied.size() > 1
                        ? provider.narrowRequirementSelection(unsatisfied, state().mapping, state().criteria,
                                state().backtrackCauses)
                        : unsatisfied;
                if (narrowed.isEmpty()) {
                    throw new IllegalStateException("narrow_requirement_selection returned 0 names");
                }
                String name = narrowed.get(0);
                if (narrowed.size() > 1) {
                    P best = null;
                    for (String candidate : narrowed) {
                        P preference = provider.getPreference(candidate, state().mapping, state().criteria,
                                state().backtrackCauses);
                        if (best == null || preference.compareTo(best) < 0) {
                            best = preference;
                            name = candidate;
                        }
                    }
                }
                roundName = name;
                roundSatisfied = satisfied;
            }

            List<Criterion<R, C>> failureCriterion = attemptToPinCriterion(roundName);
            if (!failureCriterion.isEmpty()) {
                List<Information<R, C>> causes = extractCauses(failureCriterion);
                conflictCriteria = state().criteria;
                Backjump result = backjump(causes);
                states = result.states;
                saveStates = result.saveStates;
                // Python's truth tests: saveStates "is not None" and saveStates (non-empty) differ.
                boolean failedOptimistic = result.impossible
                        ? optimisticRatio != 0 && truthy(saveStates)
                        : !result.success && optimisticRatio != 0 && truthy(saveStates);
                if (result.impossible && !failedOptimistic) {
                    endRound();
                    throw new ResolutionImpossible(causes, conflictCriteria);
                }
                if (failedOptimistic && truthy(saveStates)) {
                    rollbackStates();
                } else {
                    List<Information<R, C>> backtrack = state().backtrackCauses;
                    backtrack.clear();
                    backtrack.addAll(causes);
                    if (!result.success) {
                        endRound();
                        throw new ResolutionImpossible(List.copyOf(backtrack), conflictCriteria);
                    }
                }
            } else {
                // Names that this pin made unsatisfied stop counting as sources of requirements.
                Set<String> newlyUnsatisfied = new HashSet<>();
                for (Map.Entry<String, Criterion<R, C>> e : state().criteria.entrySet()) {
                    if (roundSatisfied.contains(e.getKey()) && !isCurrentPinSatisfying(e.getKey(), e.getValue())) {
                        newlyUnsatisfied.add(e.getKey());
                    }
                }
                removeInformationFromCriteria(state().criteria, newlyUnsatisfied);
                pushNewState();
            }
            endRound();
        }
        throw new ResolutionTooDeep(maxRounds);
    }

    private void endRound() {
        roundName = null;
        roundSatisfied = null;
        roundIndex++;
    }

    private void pushNewState() {
        states.add(state().copy());
    }

    private void addToCriteria(Map<String, Criterion<R, C>> criteria, R requirement, C parent)
            throws RequirementsConflicted {
        String identifier = provider.identify(requirement);
        Criterion<R, C> criterion = criteria.get(identifier);
        List<C> incompatibilities = criterion != null ? new ArrayList<>(criterion.incompatibilities) : new ArrayList<>();
        Candidates<C> matches = provider.findMatches(identifier,
                lookup(criteria, true, identifier, List.of(requirement)),
                incompatibilityLookup(criteria, identifier, incompatibilities));
        List<Information<R, C>> information = new ArrayList<>();
        if (criterion != null) {
            information.addAll(criterion.information);
        }
        information.add(new Information<>(requirement, parent));
        Criterion<R, C> updated = new Criterion<>(matches, information, incompatibilities);
        if (matches.isEmpty()) {
            throw new RequirementsConflicted(updated);
        }
        criteria.put(identifier, updated);
    }

    private Lookup<R> lookup(Map<String, Criterion<R, C>> criteria, boolean append, String identifier, List<R> extra) {
        return id -> {
            Criterion<R, C> c = criteria.get(id);
            List<R> out = c == null ? new ArrayList<>() : c.requirements();
            if (append && id.equals(identifier)) {
                out.addAll(extra);
            }
            return out;
        };
    }

    private Lookup<C> incompatibilityLookup(Map<String, Criterion<R, C>> criteria, String identifier, List<C> extra) {
        return id -> {
            Criterion<R, C> c = criteria.get(id);
            List<C> out = c == null ? new ArrayList<>() : new ArrayList<>(c.incompatibilities);
            if (id.equals(identifier)) {
                out.addAll(extra);
            }
            return out;
        };
    }

    private void removeInformationFromCriteria(Map<String, Criterion<R, C>> criteria, Set<String> parents) {
        if (parents.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Criterion<R, C>> e : criteria.entrySet()) {
            Criterion<R, C> criterion = e.getValue();
            List<Information<R, C>> kept = new ArrayList<>();
            for (Information<R, C> i : criterion.information) {
                if (i.parent == null || !parents.contains(provider.identifyCandidate(i.parent))) {
                    kept.add(i);
                }
            }
            e.setValue(new Criterion<>(criterion.candidates, kept, criterion.incompatibilities));
        }
    }

    private boolean isCurrentPinSatisfying(String name, Criterion<R, C> criterion) {
        C pin = state().mapping.get(name);
        if (pin == null) {
            return false;
        }
        for (Information<R, C> i : criterion.information) {
            if (!provider.isSatisfiedBy(i.requirement, pin)) {
                return false;
            }
        }
        return true;
    }

    private LinkedHashMap<String, Criterion<R, C>> getUpdatedCriteria(C candidate) throws RequirementsConflicted {
        LinkedHashMap<String, Criterion<R, C>> criteria = new LinkedHashMap<>(state().criteria);
        for (R requirement : provider.getDependencies(candidate)) {
            addToCriteria(criteria, requirement, candidate);
        }
        return criteria;
    }

    private List<Criterion<R, C>> attemptToPinCriterion(String name) {
        Criterion<R, C> criterion = state().criteria.get(name);
        List<Criterion<R, C>> causes = new ArrayList<>();
        for (C candidate : criterion.candidates) {
            LinkedHashMap<String, Criterion<R, C>> criteria;
            try {
                criteria = getUpdatedCriteria(candidate);
            } catch (RequirementsConflicted e) {
                causes.add(cast(e.criterion));
                continue;
            }
            for (Information<R, C> i : criterion.information) {
                if (!provider.isSatisfiedBy(i.requirement, candidate)) {
                    throw new IllegalStateException("provided candidate " + candidate + " does not satisfy "
                            + i.requirement);
                }
            }
            state().criteria.putAll(criteria);
            // Newly pinned candidates go last: backjumping looks at the last pin.
            state().mapping.remove(name);
            state().mapping.put(name, candidate);
            return List.of();
        }
        return causes;
    }

    private boolean patchCriteria(State<R, C> state, List<Map.Entry<String, List<C>>> incompatibilitiesFromBroken) {
        for (Map.Entry<String, List<C>> entry : incompatibilitiesFromBroken) {
            String k = entry.getKey();
            List<C> incompatibilities = entry.getValue();
            if (incompatibilities.isEmpty()) {
                continue;
            }
            Criterion<R, C> criterion = state.criteria.get(k);
            if (criterion == null) {
                continue;
            }
            Candidates<C> matches = provider.findMatches(k, lookup(state.criteria, false, k, List.of()),
                    incompatibilityLookup(state.criteria, k, incompatibilities));
            if (matches.isEmpty()) {
                return false;
            }
            incompatibilities.addAll(criterion.incompatibilities);
            state.criteria.put(k, new Criterion<>(matches, new ArrayList<>(criterion.information), incompatibilities));
        }
        return true;
    }

    private void rollbackStates() {
        optimisticRatio = 0;
        if (truthy(saveStates)) {
            states = saveStates;
            saveStates = null;
        }
    }

    private static boolean truthy(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static <R, C> List<State<R, C>> copyStates(List<State<R, C>> states) {
        List<State<R, C>> copy = new ArrayList<>(states.size());
        for (State<R, C> s : states) {
            copy.add(s.copy());
        }
        return copy;
    }

    private final class Backjump {
        List<State<R, C>> states;
        List<State<R, C>> saveStates;
        boolean success;
        boolean impossible;
    }

    /**
     * resolvelib's {@code _backjump}, on a copy of the state stack: the caller commits {@link Backjump#states} and
     * {@link Backjump#saveStates} unless a {@link Pending} escapes, in which case nothing has changed.
     */
    private Backjump backjump(List<Information<R, C>> causes) {
        Backjump out = new Backjump();
        List<State<R, C>> stack = new ArrayList<>(states);
        out.states = stack;
        out.saveStates = saveStates;
        Set<String> incompatibleDeps = new HashSet<>();
        for (Information<R, C> c : causes) {
            if (c.parent != null) {
                incompatibleDeps.add(provider.identifyCandidate(c.parent));
            }
        }
        for (Information<R, C> c : causes) {
            incompatibleDeps.add(provider.identify(c.requirement));
        }
        while (stack.size() >= 3) {
            // Remove the state that triggered backtracking.
            stack.remove(stack.size() - 1);
            State<R, C> broken;
            String name;
            C candidate;
            while (true) {
                if (stack.isEmpty()) {
                    out.impossible = true;
                    return out;
                }
                broken = stack.remove(stack.size() - 1);
                Map.Entry<String, C> last = broken.lastPin();
                if (last == null) {
                    out.impossible = true;
                    return out;
                }
                name = last.getKey();
                candidate = last.getValue();
                int remainingPins = broken.mapping.size() - 1;
                if (optimisticRatio == 0 && !incompatibleDeps.contains(name)) {
                    break;
                }
                if (optimisticRatio != 0 && out.saveStates == null && !incompatibleDeps.contains(name)) {
                    out.saveStates = copyStates(stack);
                }
                Set<String> currentDependencies = new HashSet<>();
                for (R d : provider.getDependencies(candidate)) {
                    currentDependencies.add(provider.identify(d));
                }
                if (!java.util.Collections.disjoint(currentDependencies, incompatibleDeps)) {
                    break;
                }
                // Do not backtrack to an empty mapping: give the resolution a chance to recover.
                if (remainingPins == 0) {
                    break;
                }
                if (stack.size() <= 1) {
                    out.impossible = true;
                    return out;
                }
            }
            List<Map.Entry<String, List<C>>> incompatibilitiesFromBroken = new ArrayList<>();
            for (Map.Entry<String, Criterion<R, C>> e : broken.criteria.entrySet()) {
                incompatibilitiesFromBroken.add(Map.entry(e.getKey(), new ArrayList<>(e.getValue().incompatibilities)));
            }
            List<C> newlyKnown = new ArrayList<>();
            newlyKnown.add(candidate);
            incompatibilitiesFromBroken.add(Map.entry(name, newlyKnown));
            stack.add(stack.get(stack.size() - 1).copy());
            if (patchCriteria(stack.get(stack.size() - 1), incompatibilitiesFromBroken)) {
                out.success = true;
                return out;
            }
            // The incompatibilities do not apply cleanly: try the state before.
        }
        return out;
    }

    private List<Information<R, C>> extractCauses(List<Criterion<R, C>> criteria) {
        Map<Information<R, C>, Boolean> seen = new IdentityHashMap<>();
        List<Information<R, C>> out = new ArrayList<>();
        for (Criterion<R, C> c : criteria) {
            for (Information<R, C> i : c.information) {
                if (seen.put(i, Boolean.TRUE) == null) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * resolvelib's {@code _build_result}: the pins connected to the user's requirements, and for every pinned
     * identifier the identifiers of the pins that ask for it ({@code null}: the user).
     */
    static <R, C> Result<R, C> result(State<R, C> state) {
        Map<C, String> keys = new java.util.HashMap<>();
        for (Map.Entry<String, C> e : state.mapping.entrySet()) {
            keys.put(e.getValue(), e.getKey());
        }
        Set<String> connected = new HashSet<>();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String key : state.criteria.keySet()) {
            if (!hasRouteToRoot(state.criteria, key, keys, connected, new HashSet<>())) {
                continue;
            }
            Set<String> ps = parents.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>());
            for (Information<R, C> i : state.criteria.get(key).information) {
                if (i.parent == null) {
                    ps.add(null);
                } else {
                    String pkey = keys.get(i.parent);
                    if (pkey != null) {
                        ps.add(pkey);
                    }
                }
            }
        }
        LinkedHashMap<String, C> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, C> e : state.mapping.entrySet()) {
            if (connected.contains(e.getKey())) {
                mapping.put(e.getKey(), e.getValue());
            }
        }
        return new Result<>(mapping, parents, state.criteria);
    }

    /** A finished resolution: pins by identifier, who asks for each (by identifier; {@code null} the user). */
    record Result<R, C>(Map<String, C> mapping, Map<String, Set<String>> parents,
            Map<String, Criterion<R, C>> criteria) {
    }

    private static <R, C> boolean hasRouteToRoot(Map<String, Criterion<R, C>> criteria, String key, Map<C, String> keys,
            Set<String> connected, Set<String> visiting) {
        if (connected.contains(key)) {
            return true;
        }
        Criterion<R, C> criterion = criteria.get(key);
        if (criterion == null || !visiting.add(key)) {
            return false; // resolvelib would recurse forever on a cycle of unconnected keys; it never meets one
        }
        for (Information<R, C> i : criterion.information) {
            if (i.parent == null) {
                connected.add(key);
                return true;
            }
            String pkey = keys.get(i.parent);
            if (pkey == null) {
                continue;
            }
            if (connected.contains(pkey) || hasRouteToRoot(criteria, pkey, keys, connected, visiting)) {
                connected.add(key);
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <R, C> Criterion<R, C> cast(Criterion<?, ?> c) {
        return (Criterion<R, C>) c;
    }
}
