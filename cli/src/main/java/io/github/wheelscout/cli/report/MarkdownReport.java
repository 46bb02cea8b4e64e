package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.resolve.Resolution;
import java.io.PrintWriter;
import java.util.List;

/** The report as Markdown, fit for a pull-request comment: a table, the details of every problem, the totals. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Writes {@code report} and the input {@code errors} to {@code out}. */
    public static void write(AnalysisReport report, List<RequirementsFileError> errors, PrintWriter out) {
        StringBuilder header = new StringBuilder(report.deep() ? "| Requirement | Via |" : "| Requirement |");
        StringBuilder rule = new StringBuilder(report.deep() ? "|---|---|" : "|---|");
        report.targets().forEach(t -> {
            header.append(' ').append(escape(t.displayName())).append(" |");
            rule.append("---|");
        });
        out.println(header);
        out.println(rule);
        for (RequirementReport r : report.requirements()) {
            StringBuilder row = new StringBuilder("| `").append(code(r.requirement().text())).append("` |");
            if (report.deep()) {
                row.append(' ').append(escape(r.viaText())).append(" |");
            }
            for (Outcome o : r.outcomes()) {
                row.append(' ').append(cell(o)).append(" |");
            }
            out.println(row);
        }
        boolean details = false;
        for (RequirementReport r : report.requirements()) {
            for (Outcome o : r.outcomes()) {
                if (o.verdict().isWheel() || o.verdict() == Verdict.NOT_NEEDED) {
                    continue;
                }
                if (!details) {
                    out.println();
                    out.println("<details><summary>Why, and what to do</summary>");
                    out.println();
                    details = true;
                }
                String where = r.isTransitive() ? " (via " + escape(r.viaText()) + ")"
                        : r.requirement().sourceIfKnown().map(s -> " (" + escape(s) + ")").orElse("");
                out.println("- **`" + code(r.requirement().text()) + "`**" + where + " on "
                        + escape(o.target().displayName()) + ": " + o.verdict().word() + ". " + escape(o.reason())
                        + (o.advice() == null ? "" : " " + escape(o.advice().text())));
            }
        }
        if (details) {
            out.println();
            out.println("</details>");
        }
        if (!errors.isEmpty()) {
            out.println();
            out.println("**Input errors** (not analysed):");
            out.println();
            for (RequirementsFileError e : errors) {
                out.println("- " + escape(e.source()) + ": " + escape(e.message().lines().findFirst().orElse("")));
            }
        }
        for (Resolution r : report.resolutions()) {
            if (r.conflict() != null) {
                out.println();
                out.println("**The install fails on " + escape(r.target().displayName()) + ":**");
                out.println();
                out.println("```");
                out.println(r.conflict().explanation().replace("```", "` ` `"));
                out.println("```");
            }
        }
        out.println();
        for (TargetSummary s : report.summaries()) {
            out.println("- " + escape(TextReport.summaryLine(s)));
            if (s.missingFromFile() != null) {
                out.println("- " + escape(s.target().displayName()) + ": " + (s.missingFromFile().isEmpty()
                        ? "the requirements pin every package pip installs"
                        : "pinned requirements, but pip also installs packages they do not list: "
                                + escape(String.join(", ", s.missingFromFile()))));
            }
        }
        out.flush();
    }

    private static String cell(Outcome o) {
        String mark = switch (o.verdict()) {
            case WHEEL, PURE_WHEEL -> "✅";
            case SOURCE_BUILD -> "⚠️";
            case NO_MATCH, NOT_FOUND, ERROR -> "❌";
            case NOT_NEEDED, NOT_ANALYSED -> "➖";
        };
        return mark + " " + o.verdict().word() + (o.version() == null ? "" : " " + escape(o.version().toString()))
                + (o.size().isPresent() ? " (" + Sizes.human(o.size().getAsLong()) + ")" : "");
    }

    /** Escapes what Markdown tables and inline text would misread. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }

    /** Text inside a code span: backticks would end it. */
    private static String code(String text) {
        return text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
    }
}
