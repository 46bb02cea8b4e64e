package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.advise.dockerfile.DockerfileReport;
import io.github.wheelscout.advise.dockerfile.Stage;
import io.github.wheelscout.advise.dockerfile.Unfollowed;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --dockerfile}'s reports: one analysis per base image (and pip options) of the Dockerfile, each
 * shown as {@code check} shows a report, then what was not followed, with its line.
 */
public final class DockerfileReports {

    /**
     * One analysis: what some stages install on their base.
     *
     * @param label  e.g. {@code stage wheels (line 8) on python:3.12-alpine3.20}
     * @param stages the stage labels
     * @param report the analysis, on the one base
     */
    public record Section(String label, List<String> stages, AnalysisReport report) {
    }

    private DockerfileReports() {
    }

    /** The text report. */
    public static void text(Style style, String path, List<Section> sections, List<Unfollowed> unfollowed,
            List<RequirementsFileError> errors, PrintWriter out) {
        boolean first = true;
        for (Section s : sections) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(style.bold(path + ": " + s.label()));
            new TextReport(style).write(s.report(), List.of(), out);
        }
        if (sections.isEmpty()) {
            out.println(path + ": no pip install of requirements on a base image wheelscout knows");
        }
        if (!unfollowed.isEmpty()) {
            out.println();
            out.println(style.bold("Not followed in " + path + " (not analysed):"));
            unfollowed.forEach(u -> out.println("  " + u));
        }
        if (!errors.isEmpty()) {
            out.println();
            out.println(style.bold("Input errors (these lines were not analysed):"));
            for (RequirementsFileError e : errors) {
                out.println("  " + e.source() + ": " + e.message().replace("\n", "\n    "));
            }
        }
        out.flush();
    }

    /** The Markdown report. */
    public static void markdown(String path, List<Section> sections, List<Unfollowed> unfollowed,
            List<RequirementsFileError> errors, PrintWriter out) {
        for (Section s : sections) {
            out.println("### " + MarkdownReport.escape(path + ": " + s.label()));
            out.println();
            MarkdownReport.write(s.report(), List.of(), out);
            out.println();
        }
        if (!unfollowed.isEmpty()) {
            out.println("**Not followed** in " + MarkdownReport.escape(path) + " (not analysed):");
            out.println();
            unfollowed.forEach(u -> out.println("- " + MarkdownReport.escape(u.toString())));
            out.println();
        }
        if (!errors.isEmpty()) {
            out.println("**Input errors** (not analysed):");
            out.println();
            for (RequirementsFileError e : errors) {
                out.println("- " + MarkdownReport.escape(e.source()) + ": "
                        + MarkdownReport.escape(e.message().lines().findFirst().orElse("")));
            }
        }
        out.flush();
    }

    /**
     * The JSON report: {@code check}'s schema 1 (targets, requirements, summary, errors) over every base, each
     * requirement with the {@code stage} installing it and its one outcome (on its own base), the summary per
     * base summed over its sections; plus {@code dockerfile} (path, stages, unfollowed).
     */
    public static void json(String path, DockerfileReport dockerfile, List<Section> sections,
            List<Unfollowed> unfollowed, List<RequirementsFileError> errors, Writer out) throws IOException {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, List<TargetSummary>> summaries = new LinkedHashMap<>();
        for (Section s : sections) {
            Target t = s.report().targets().get(0);
            targets.putIfAbsent(t.displayName(), t);
            summaries.computeIfAbsent(t.displayName(), k -> new ArrayList<>()).add(s.report().summaries().get(0));
        }
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", JsonReport.SCHEMA);
            g.writeObjectFieldStart("dockerfile");
            g.writeStringField("path", path);
            g.writeArrayFieldStart("stages");
            for (Stage stage : dockerfile.stages()) {
                g.writeStartObject();
                g.writeNumberField("index", stage.index());
                g.writeStringField("name", stage.name().orElse(null));
                g.writeNumberField("line", stage.line());
                g.writeStringField("from", stage.from());
                g.writeStringField("image", stage.rootImage().orElse(null));
                g.writeStringField("platform", stage.platform().orElse(null));
                g.writeNumberField("pip_commands", stage.pipCommands().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonReport.writeUnfollowed(g, unfollowed);
            g.writeEndObject();
            g.writeArrayFieldStart("targets");
            for (Target t : targets.values()) {
                JsonReport.writeTarget(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("requirements");
            for (Section s : sections) {
                for (RequirementReport r : s.report().requirements()) {
                    JsonReport.writeRequirement(g, r, String.join(", ", s.stages()));
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("summary");
            for (Map.Entry<String, List<TargetSummary>> e : summaries.entrySet()) {
                JsonReport.writeSummary(g, sum(targets.get(e.getKey()), e.getValue()));
            }
            g.writeEndArray();
            JsonReport.writeErrors(g, errors);
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The totals of several analyses on the same target. */
    static TargetSummary sum(Target target, List<TargetSummary> parts) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        long bytes = 0;
        int unknown = 0;
        List<String> builds = new ArrayList<>();
        List<String> noMatch = new ArrayList<>();
        for (TargetSummary p : parts) {
            p.counts().forEach((v, n) -> counts.merge(v, n, Integer::sum));
            bytes += p.downloadBytes();
            unknown += p.unknownSizes();
            builds.addAll(p.sourceBuilds());
            noMatch.addAll(p.noMatch());
        }
        return new TargetSummary(target, counts, bytes, unknown, builds, noMatch);
    }
}
