package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.gate.GateStatus;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.PrintWriter;

/**
 * The gate for people: what was compared, one block per change worth attention (unknown and failing first), the
 * baseline's stale entries, the input errors, the counts and the verdict.
 */
public final class GateTextReport {

    private static final int KIND_WIDTH = 13;

    private final Style style;

    /** A writer in {@code style}. */
    public GateTextReport(Style style) {
        this.style = style;
    }

    /** Writes {@code report} to {@code out}. */
    public void write(GateReport report, PrintWriter out) {
        out.println(style.bold("wheelscout gate") + ": base " + report.base() + ", head " + report.head() + " on "
                + report.targets() + (report.baselineFile() == null ? "" : ", baseline " + report.baselineFile()));
        boolean first = true;
        for (Change c : report.listed()) {
            if (first) {
                out.println();
                first = false;
            }
            String label = label(c);
            String where = c.source().map(s -> " (" + s + ")").orElse("");
            out.println(paint(c, label) + " ".repeat(Math.max(1, KIND_WIDTH - label.length())) + c.headline()
                    + where);
            String indent = " ".repeat(KIND_WIDTH);
            if (c.kind().canFail() || c.unknown()) {
                Outcome explained = c.unknown() && (c.head() == null || c.head().verdict() != Verdict.ERROR)
                        ? c.base() : c.head();
                out.println(indent + explained.reason());
                c.advice().filter(a -> c.kind().canFail()).ifPresent(a -> out.println(indent + "advice: "
                        + a.text()));
            }
            switch (c.acceptance().status()) {
                case ACCEPTED -> out.println(indent + "accepted by the baseline (" + c.acceptance().entry() + "): "
                        + c.acceptance().entry().reason());
                case EXPIRED -> out.println(indent + style.bold("baseline entry expired") + " on "
                        + c.acceptance().entry().expires() + " (" + c.acceptance().entry() + "): "
                        + c.acceptance().entry().reason());
                case NONE -> {
                    // nothing to add
                }
            }
        }
        var expired = report.result().expiredEntries();
        var unused = report.result().unusedEntries();
        if (!expired.isEmpty() || !unused.isEmpty()) {
            out.println();
            for (BaselineEntry e : expired) {
                out.println("baseline: entry " + e + " expired on " + e.expires() + ": it accepts nothing");
            }
            for (BaselineEntry e : unused) {
                out.println("baseline: entry " + e + " matches no source build of the head: it can be removed");
            }
        }
        if (!report.errors().isEmpty()) {
            out.println();
            out.println(style.bold("Input errors (these lines were not compared):"));
            for (RequirementsFileError e : report.errors()) {
                out.println("  " + e.source() + ": " + e.message().replace("\n", "\n    "));
            }
        }
        out.println();
        out.println(report.counts() + ".");
        GateStatus status = report.status();
        String verdict = report.verdictLine();
        out.println(switch (status) {
            case PASS -> style.verdict(Verdict.WHEEL, verdict);
            case FAIL -> style.verdict(Verdict.NO_MATCH, verdict);
            case UNKNOWN -> style.verdict(Verdict.ERROR, verdict);
        });
        out.flush();
    }

    private static String label(Change c) {
        if (c.accepted()) {
            return "accepted";
        }
        return GateReport.kindWords(c.kind());
    }

    private String paint(Change c, String label) {
        if (c.unknown()) {
            return style.verdict(Verdict.ERROR, label);
        }
        if (c.fails()) {
            return style.verdict(c.kind() == ChangeKind.REGRESSION ? Verdict.NO_MATCH : Verdict.SOURCE_BUILD, label);
        }
        if (c.kind() == ChangeKind.FIXED) {
            return style.verdict(Verdict.WHEEL, label);
        }
        return style.faint(label);
    }
}
