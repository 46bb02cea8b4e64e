package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.PrintWriter;
import java.util.List;

/**
 * The gate as Markdown, fit for a pull-request comment or a GitHub step summary: the verdict, a table of the
 * changes worth attention, why and what to do, and the unchanged requirements folded away.
 */
public final class GateMarkdownReport {

    private GateMarkdownReport() {
    }

    /** Writes {@code report} to {@code out}. */
    public static void write(GateReport report, PrintWriter out) {
        String mark = switch (report.status()) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case UNKNOWN -> "❓";
        };
        out.println("### " + mark + " wheelscout gate: " + report.status().word().toUpperCase(java.util.Locale.ROOT));
        out.println();
        out.println("Base `" + code(report.base()) + "`, head `" + code(report.head()) + "`, on "
                + MarkdownReport.escape(report.targets()) + ": " + MarkdownReport.escape(report.counts()) + ".");
        out.println();
        out.println(MarkdownReport.escape(report.verdictLine()));
        List<Change> listed = report.listed();
        if (!listed.isEmpty()) {
            out.println();
            table(listed, out);
            List<Change> explained = listed.stream().filter(c -> c.kind().canFail() || c.unknown()).toList();
            if (!explained.isEmpty()) {
                out.println();
                out.println("<details><summary>Why, and what to do</summary>");
                out.println();
                for (Change c : explained) {
                    String where = c.source().map(s -> " (" + MarkdownReport.escape(s) + ")").orElse("");
                    out.println("- " + MarkdownReport.escape(c.message()) + where);
                }
                out.println();
                out.println("</details>");
            }
        }
        List<Change> unchanged = report.result().changes().stream().filter(c -> c.kind() == ChangeKind.UNCHANGED)
                .toList();
        if (!unchanged.isEmpty()) {
            out.println();
            out.println("<details><summary>" + unchanged.size() + " unchanged</summary>");
            out.println();
            table(unchanged, out);
            out.println();
            out.println("</details>");
        }
        List<BaselineEntry> expired = report.result().expiredEntries();
        List<BaselineEntry> unused = report.result().unusedEntries();
        if (!expired.isEmpty() || !unused.isEmpty()) {
            out.println();
            expired.forEach(e -> out.println("- Baseline entry `" + code(e.toString()) + "` expired on " + e.expires()
                    + ": it accepts nothing."));
            unused.forEach(e -> out.println("- Baseline entry `" + code(e.toString())
                    + "` matches no source build of the head: it can be removed."));
        }
        if (!report.errors().isEmpty()) {
            out.println();
            out.println("**Input errors** (not compared):");
            out.println();
            for (RequirementsFileError e : report.errors()) {
                out.println("- " + MarkdownReport.escape(e.source()) + ": "
                        + MarkdownReport.escape(e.message().lines().findFirst().orElse("")));
            }
        }
        out.flush();
    }

    private static void table(List<Change> changes, PrintWriter out) {
        out.println("| | Requirement | Target | Change | Base | Head |");
        out.println("|---|---|---|---|---|---|");
        for (Change c : changes) {
            String requirement = c.headRequirement() != null ? c.headRequirement().text() : c.baseRequirement().text();
            out.println("| " + mark(c) + " | `" + code(requirement) + "` | "
                    + MarkdownReport.escape(c.target().displayName()) + " | " + (c.accepted() ? "accepted "
                    : "") + GateReport.kindWords(c.kind()) + " | " + cell(c.base()) + " | " + cell(c.head()) + " |");
        }
    }

    private static String mark(Change c) {
        if (c.unknown()) {
            return "❓";
        }
        if (c.fails()) {
            return "❌";
        }
        if (c.accepted()) {
            return "☑️";
        }
        return c.kind() == ChangeKind.FIXED ? "✅" : "➖";
    }

    private static String cell(Outcome o) {
        if (o == null) {
            return "—";
        }
        return o.verdict().word() + (o.version() == null ? "" : " " + MarkdownReport.escape(o.version().toString()));
    }

    private static String code(String text) {
        return text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
    }
}
