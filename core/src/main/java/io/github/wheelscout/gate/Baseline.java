package io.github.wheelscout.gate;

import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The source builds a team has accepted, so that the gate can stay strict about everything else. A regression or
 * new build whose project, version and target an entry matches is <em>accepted</em> (it does not fail the gate)
 * while the entry has not expired; if only expired entries match, it is <em>expired</em> and fails as if there
 * were no entry (the output names the entry and its date); an entry about another project, version or target is
 * unrelated and changes nothing. See {@link BaselineEntry} for how each field matches.
 *
 * <p>The command line reads and writes it as JSON (the README documents the schema); this type is the model and the
 * rule. Immutable.
 *
 * @param entries the accepted builds, in the order written
 */
public record Baseline(List<BaselineEntry> entries) {

    /** No accepted build: every regression and new build fails. */
    public static final Baseline EMPTY = new Baseline(List.of());

    /** Freezes the entries. */
    public Baseline {
        entries = List.copyOf(entries);
    }

    /**
     * What the baseline says about {@code project} at {@code version} (null when nothing would be installed) on
     * {@code target}, on the day {@code today}: the first matching entry that has not expired accepts it; else the
     * first matching expired entry is reported; else nothing matches.
     */
    public Acceptance acceptance(ProjectName project, Version version, Target target, LocalDate today) {
        Objects.requireNonNull(today, "today");
        BaselineEntry expired = null;
        for (BaselineEntry entry : entries) {
            if (entry.matches(project, version, target)) {
                if (!entry.isExpired(today)) {
                    return Acceptance.accepted(entry);
                }
                if (expired == null) {
                    expired = entry;
                }
            }
        }
        return expired == null ? Acceptance.NONE : Acceptance.expired(expired);
    }

    /**
     * A baseline that accepts every source build and every requirement that cannot be installed in the head of
     * {@code result}, each on its target: an entry of this baseline that already accepts one (not expired) is
     * kept as written, with its range, reason and expiry; every other one gets a new entry pinned to the version
     * ({@code ==X}, or no range when nothing would be installed) and to the target's display name, with
     * {@code reason}. Entries that accept nothing in the head are dropped.
     */
    public static Baseline accepting(GateResult result, String reason) {
        Objects.requireNonNull(reason, "reason");
        List<BaselineEntry> out = new ArrayList<>();
        for (RequirementChanges requirement : result.requirements()) {
            for (Change change : requirement.changes()) {
                Outcome head = change.head();
                if (head == null || change.name().isEmpty()
                        || (head.verdict() != Verdict.SOURCE_BUILD && !isUninstallable(head.verdict()))) {
                    continue;
                }
                ProjectName name = change.name().get();
                Acceptance existing = result.baseline().acceptance(name, head.version(), change.target(),
                        result.today());
                BaselineEntry entry = existing.isAccepted() ? existing.entry()
                        : new BaselineEntry(name, head.version() == null ? null
                                : SpecifierSet.parse("==" + head.version()), change.target().displayName(), reason,
                                null);
                if (!out.contains(entry)) {
                    out.add(entry);
                }
            }
        }
        return new Baseline(out);
    }

    private static boolean isUninstallable(Verdict verdict) {
        return verdict == Verdict.NO_MATCH || verdict == Verdict.NOT_FOUND;
    }
}
