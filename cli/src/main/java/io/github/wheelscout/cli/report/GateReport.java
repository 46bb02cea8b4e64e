package io.github.wheelscout.cli.report;

import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.gate.GateResult;
import io.github.wheelscout.gate.GateStatus;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every output format of {@code wheelscout gate} shows: the comparison, what was compared, and the input
 * errors.
 *
 * @param result       the comparison
 * @param base         the base as given ({@code git:origin/main}, {@code old/requirements.txt})
 * @param head         the head file as given
 * @param baselineFile the baseline file, or {@code null} when none was given
 * @param allowErrors  whether unknown comparisons are left out of the verdict ({@code --allow-errors})
 * @param errors       the bad lines of either side (their sources say which file)
 */
public record GateReport(GateResult result, String base, String head, String baselineFile, boolean allowErrors,
        List<RequirementsFileError> errors) {

    /** Checks and freezes the fields. */
    public GateReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        errors = List.copyOf(errors);
    }

    /** The verdict, with {@link #allowErrors()} applied. */
    public GateStatus status() {
        return result.status(allowErrors);
    }

    /**
     * The changes worth a line, most urgent first: unknown, failing, accepted, fixed, added, removed, not analysed.
     * Unchanged ones are only counted.
     */
    public List<Change> listed() {
        List<Change> all = result.changes();
        List<Change> out = new ArrayList<>();
        all.stream().filter(Change::unknown).forEach(out::add);
        all.stream().filter(Change::fails).forEach(out::add);
        all.stream().filter(Change::accepted).forEach(out::add);
        for (ChangeKind kind : List.of(ChangeKind.FIXED, ChangeKind.ADDED, ChangeKind.REMOVED,
                ChangeKind.NOT_ANALYSED)) {
            all.stream().filter(c -> c.kind() == kind).forEach(out::add);
        }
        return out;
    }

    /** E.g. {@code 1 regression, 2 new builds (1 accepted), 3 fixed, 10 unchanged}; {@code no change} if empty. */
    public String counts() {
        List<String> parts = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            int n = result.count(kind);
            if (n == 0) {
                continue;
            }
            String part = switch (kind) {
                case REGRESSION -> plural(n, "regression", "regressions");
                case NEW_BUILD -> plural(n, "new build", "new builds");
                case NOT_ANALYSED -> n + " not analysed";
                default -> n + " " + kind.word();
            };
            if (kind.canFail()) {
                long accepted = result.accepted().stream().filter(c -> c.kind() == kind).count();
                if (accepted > 0) {
                    part += " (" + accepted + " accepted)";
                }
            }
            parts.add(part);
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    /** One sentence for the verdict: {@code FAIL: 1 regression or new build not accepted by the baseline}. */
    public String verdictLine() {
        int failing = result.failures().size();
        int unknown = result.unknowns().size();
        return switch (status()) {
            case PASS -> "PASS: no regression and no unaccepted new build"
                    + (unknown > 0 ? " among the known results (" + plural(unknown, "comparison", "comparisons")
                            + " unknown, allowed by --allow-errors)" : "");
            case FAIL -> "FAIL: " + plural(failing, "regression or new build", "regressions or new builds")
                    + " not accepted by the baseline";
            case UNKNOWN -> "UNKNOWN: an index error left " + plural(unknown, "comparison", "comparisons")
                    + " unknown (failing closed; --allow-errors judges on the known results)"
                    + (failing > 0 ? "; " + failing + " known to fail" : "");
        };
    }

    /** The targets, comma-separated. */
    public String targets() {
        return String.join(", ", result.targets().stream().map(t -> t.displayName()).toList());
    }

    /** {@code kind} as people read it: {@code new build}, {@code not analysed}. */
    public static String kindWords(ChangeKind kind) {
        return kind.word().replace('-', ' ');
    }

    /** The file and the line of a {@code file:line} source; null when it has no line. */
    public static FileLine fileLine(String source) {
        if (source == null) {
            return null;
        }
        int colon = source.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            int line = Integer.parseInt(source.substring(colon + 1));
            return new FileLine(source.substring(0, colon), line);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A place in a file. */
    public record FileLine(String file, int line) {
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
