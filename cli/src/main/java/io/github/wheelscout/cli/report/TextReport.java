package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for people: one row per requirement, one column per target (verdict, version, size), then the
 * reason and advice for every source build and failure, the input errors, and a summary line per target.
 */
public final class TextReport {

    private final Style style;

    /** A writer in {@code style}. */
    public TextReport(Style style) {
        this.style = style;
    }

    /** Writes {@code report} and the input {@code errors} to {@code out}. */
    public void write(AnalysisReport report, List<RequirementsFileError> errors, PrintWriter out) {
        List<Target> targets = report.targets();
        List<String[]> rows = new ArrayList<>();
        List<Verdict[]> verdicts = new ArrayList<>();
        String[] header = new String[targets.size() + 1];
        header[0] = "requirement";
        for (int t = 0; t < targets.size(); t++) {
            header[t + 1] = targets.get(t).displayName();
        }
        for (RequirementReport r : report.requirements()) {
            String[] row = new String[targets.size() + 1];
            Verdict[] rowVerdicts = new Verdict[targets.size()];
            row[0] = r.requirement().text();
            for (int t = 0; t < targets.size(); t++) {
                Outcome o = r.outcome(t);
                row[t + 1] = cell(o);
                rowVerdicts[t] = o.verdict();
            }
            rows.add(row);
            verdicts.add(rowVerdicts);
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        out.println(line(header, widths, null, true));
        for (int i = 0; i < rows.size(); i++) {
            out.println(line(rows.get(i), widths, verdicts.get(i), false));
        }

        List<String> notes = notes(report);
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
        if (!errors.isEmpty()) {
            out.println();
            out.println(style.bold("Input errors (these lines were not analysed):"));
            for (RequirementsFileError e : errors) {
                out.println("  " + e.source() + ": " + e.message().replace("\n", "\n    "));
            }
        }
        out.println();
        for (TargetSummary s : report.summaries()) {
            out.println(summaryLine(s));
        }
        out.flush();
    }

    private static String cell(Outcome o) {
        StringBuilder cell = new StringBuilder(o.verdict().word());
        if (o.version() != null) {
            cell.append(' ').append(o.version());
        }
        if (o.size().isPresent()) {
            cell.append(" (").append(Sizes.human(o.size().getAsLong())).append(')');
        }
        return cell.toString();
    }

    private String line(String[] cells, int[] widths, Verdict[] verdicts, boolean header) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String text = cells[c];
            String padded = c == cells.length - 1 ? text : text + " ".repeat(widths[c] - text.length() + 2);
            if (header) {
                out.append(style.bold(padded));
            } else if (c > 0) {
                // Colour the verdict word only, so that padding stays plain.
                Verdict v = verdicts[c - 1];
                out.append(style.verdict(v, v.word())).append(padded.substring(v.word().length()));
            } else {
                out.append(padded);
            }
        }
        return out.toString().stripTrailing();
    }

    /** Reason and advice for every outcome that is not a plain success. */
    private List<String> notes(AnalysisReport report) {
        List<String> notes = new ArrayList<>();
        for (RequirementReport r : report.requirements()) {
            for (Outcome o : r.outcomes()) {
                Verdict v = o.verdict();
                if (v.isWheel() || v == Verdict.NOT_NEEDED) {
                    continue;
                }
                String where = r.requirement().sourceIfKnown().map(s -> " (" + s + ")").orElse("");
                notes.add(style.bold(r.requirement().text()) + where + " on " + o.target().displayName() + ": "
                        + style.verdict(v, v.word()));
                notes.add("    " + o.reason());
                if (o.advice() != null) {
                    notes.add("    advice: " + o.advice().text());
                }
            }
        }
        return notes;
    }

    /**
     * E.g. {@code python:3.12-alpine: 9 wheels, 4 builds from source: duckdb, pyarrow, shapely, psutil;
     * 1 cannot install: onnxruntime; 212 MB to download}.
     */
    static String summaryLine(TargetSummary s) {
        List<String> parts = new ArrayList<>();
        int wheels = s.count(Verdict.WHEEL) + s.count(Verdict.PURE_WHEEL);
        parts.add(plural(wheels, "wheel", "wheels"));
        if (s.count(Verdict.SOURCE_BUILD) > 0) {
            parts.add(plural(s.count(Verdict.SOURCE_BUILD), "build from source", "builds from source") + ": "
                    + String.join(", ", s.sourceBuilds()));
        }
        if (s.count(Verdict.NO_MATCH) > 0) {
            parts.add(s.count(Verdict.NO_MATCH) + " cannot install: " + String.join(", ", s.noMatch()));
        }
        if (s.count(Verdict.NOT_FOUND) > 0) {
            parts.add(s.count(Verdict.NOT_FOUND) + " not found");
        }
        if (s.count(Verdict.ERROR) > 0) {
            parts.add(plural(s.count(Verdict.ERROR), "index error", "index errors") + " (result unknown)");
        }
        if (s.count(Verdict.NOT_NEEDED) > 0) {
            parts.add(s.count(Verdict.NOT_NEEDED) + " not needed (marker)");
        }
        if (s.count(Verdict.NOT_ANALYSED) > 0) {
            parts.add(s.count(Verdict.NOT_ANALYSED) + " not analysed (URL, path or editable)");
        }
        String download = Sizes.human(s.downloadBytes()) + " to download"
                + (s.unknownSizes() > 0 ? " (+" + s.unknownSizes() + " files of unknown size)" : "");
        return s.target().displayName() + ": " + String.join("; ", parts) + "; " + download;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
