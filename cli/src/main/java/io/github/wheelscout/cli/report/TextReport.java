package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.resolve.Resolution;
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
        // A deep report has a "via" column: the chain that brings each dependency in.
        int first = report.deep() ? 2 : 1;
        String[] header = new String[targets.size() + first];
        header[0] = "requirement";
        if (report.deep()) {
            header[1] = "via";
        }
        for (int t = 0; t < targets.size(); t++) {
            header[t + first] = targets.get(t).displayName();
        }
        for (RequirementReport r : report.requirements()) {
            String[] row = new String[targets.size() + first];
            Verdict[] rowVerdicts = new Verdict[targets.size()];
            row[0] = r.requirement().text();
            if (report.deep()) {
                row[1] = r.isTransitive() ? r.viaText() : "";
            }
            for (int t = 0; t < targets.size(); t++) {
                Outcome o = r.outcome(t);
                row[t + first] = cell(o);
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
        out.println(line(header, widths, null, true, first));
        for (int i = 0; i < rows.size(); i++) {
            out.println(line(rows.get(i), widths, verdicts.get(i), false, first));
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
        if (report.deep()) {
            List<String> deepNotes = deepNotes(report);
            if (!deepNotes.isEmpty()) {
                out.println();
                deepNotes.forEach(out::println);
            }
        }
        out.println();
        for (TargetSummary s : report.summaries()) {
            out.println(summaryLine(s));
        }
        out.flush();
    }

    /** Per target: why the resolution fails, and what a fully pinned file does not pin. */
    private List<String> deepNotes(AnalysisReport report) {
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < report.targets().size(); t++) {
            Resolution r = report.resolutions().get(t);
            TargetSummary s = report.summaries().get(t);
            String target = r.target().displayName();
            if (r.conflict() != null) {
                notes.add(style.bold("The install fails on " + target + ":"));
                r.conflict().explanation().lines().forEach(l -> notes.add("    " + l));
            }
            if (s.missingFromFile() != null) {
                notes.add(s.missingFromFile().isEmpty()
                        ? target + ": the requirements pin every package pip installs (" + r.packages().size() + ")"
                        : target + ": the requirements are pinned, but pip also installs packages they do not list: "
                                + String.join(", ", s.missingFromFile()));
            }
        }
        return notes;
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

    private String line(String[] cells, int[] widths, Verdict[] verdicts, boolean header, int first) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String text = cells[c];
            String padded = c == cells.length - 1 ? text : text + " ".repeat(widths[c] - text.length() + 2);
            if (header) {
                out.append(style.bold(padded));
            } else if (c >= first) {
                // Colour the verdict word only, so that padding stays plain.
                Verdict v = verdicts[c - first];
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
                String where = r.isTransitive() ? " (via " + r.viaText() + ")"
                        : r.requirement().sourceIfKnown().map(s -> " (" + s + ")").orElse("");
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
            parts.add(s.count(Verdict.NOT_ANALYSED) + " not analysed"
                    + (s.resolutionFailure() == null ? " (URL, path or editable)" : ""));
        }
        if (!s.dependenciesUnknown().isEmpty()) {
            parts.add("dependencies unknown (the install may hold more): "
                    + String.join(", ", s.dependenciesUnknown()));
        }
        if (s.resolutionFailure() != null) {
            parts.add(0, "pip's resolver fails, nothing is installed");
        }
        String download = Sizes.human(s.downloadBytes()) + " to download"
                + (s.unknownSizes() > 0 ? " (+" + s.unknownSizes() + " files of unknown size)" : "");
        return s.target().displayName() + ": " + String.join("; ", parts) + "; " + download;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
