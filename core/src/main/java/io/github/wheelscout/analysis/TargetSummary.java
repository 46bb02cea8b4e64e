package io.github.wheelscout.analysis;

import io.github.wheelscout.tags.Target;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The totals of one target: how many requirements got each verdict, and what pip downloads.
 *
 * @param target        the target
 * @param counts        requirements per verdict (every verdict present, zero included)
 * @param downloadBytes the bytes of every file pip downloads here, where the index gives sizes
 * @param unknownSizes  how many of those files have no size on the index (so the total is a lower bound)
 * @param sourceBuilds  the projects built from source, in requirement order
 * @param noMatch       the projects pip cannot install, in requirement order
 * @param dependenciesUnknown in a deep analysis, the installed packages whose own dependencies are unknown
 *                      ({@code name version}), so that the install may hold more than the report shows
 * @param resolutionFailure in a deep analysis, why pip's resolver installs nothing on this target, or {@code null}
 * @param missingFromFile in a deep analysis of fully pinned requirements (every one with {@code ==}), the installed
 *                      packages that no requirement or constraint pins; {@code null} otherwise
 */
public record TargetSummary(
        Target target,
        Map<Verdict, Integer> counts,
        long downloadBytes,
        int unknownSizes,
        List<String> sourceBuilds,
        List<String> noMatch,
        List<String> dependenciesUnknown,
        String resolutionFailure,
        List<String> missingFromFile) {

    /** Checks and freezes the fields. */
    public TargetSummary {
        Objects.requireNonNull(target, "target");
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            all.put(v, counts.getOrDefault(v, 0));
        }
        counts = Collections.unmodifiableMap(all);
        sourceBuilds = List.copyOf(sourceBuilds);
        noMatch = List.copyOf(noMatch);
        dependenciesUnknown = List.copyOf(dependenciesUnknown);
        missingFromFile = missingFromFile == null ? null : List.copyOf(missingFromFile);
    }

    /** The totals of an analysis of the requirements alone (not deep). */
    public TargetSummary(Target target, Map<Verdict, Integer> counts, long downloadBytes, int unknownSizes,
            List<String> sourceBuilds, List<String> noMatch) {
        this(target, counts, downloadBytes, unknownSizes, sourceBuilds, noMatch, List.of(), null, null);
    }

    /** The number of requirements with {@code verdict}. */
    public int count(Verdict verdict) {
        return counts.get(verdict);
    }

    /** Whether some result on this target is unknown because the index failed. */
    public boolean hasErrors() {
        return count(Verdict.ERROR) > 0;
    }

    /** Whether something on this target is unknown: an index error, or packages whose dependencies are unknown. */
    public boolean hasUnknowns() {
        return hasErrors() || !dependenciesUnknown.isEmpty();
    }
}
