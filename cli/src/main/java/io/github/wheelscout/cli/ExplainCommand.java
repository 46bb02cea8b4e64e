package io.github.wheelscout.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.cli.report.Json;
import io.github.wheelscout.analysis.Explanation;
import io.github.wheelscout.analysis.FileEvaluation;
import io.github.wheelscout.analysis.FileStatus;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.Selection;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.cli.report.JsonReport;
import io.github.wheelscout.cli.report.Sizes;
import io.github.wheelscout.cli.report.Style;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wheelscout explain}: the whole decision trail of pip's choice for one requirement on one target. */
@Command(name = "explain",
        description = {
            "Shows how pip chooses a file for one requirement on one target: every version with what ruled it"
                    + " out, every file of the interesting version with its compatibility, and the pick.",
            "",
            "Example: wheelscout explain 'numpy==1.25.2' --image python:3.12-alpine",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pip installs a wheel",
            "1:pip builds from source, or finds nothing, or the project is not found",
            "2:bad usage or input",
            "3:an index error left the result unknown",
        })
public final class ExplainCommand implements Callable<Integer> {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REQUIREMENT", description = "One requirement, e.g. 'numpy==1.25.2'.")
    String requirement;

    @Mixin
    TargetOptions targets;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IndexOptions index;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Format { text, json }

    @Override
    public Integer call() throws IOException {
        Requirement req = Requirement.parse(requirement);
        Target target = targets.single();
        Explanation explanation;
        String source;
        try (IndexClient client = index.build()) {
            source = client.describe();
            try {
                explanation = selection.applyTo(WheelAnalyzer.builder(client)).build().explain(req, target);
            } catch (IOException e) {
                spec.commandLine().getErr().println("wheelscout: index error: " + e.getMessage());
                return ExitCodes.INDEX_ERROR;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            writeJson(explanation, source, out);
        } else {
            writeText(explanation, source, out, Style.auto());
        }
        Verdict verdict = explanation.outcome().verdict();
        return verdict.isWheel() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    static void writeText(Explanation e, String source, PrintWriter out, Style style) {
        Outcome o = e.outcome();
        Target t = o.target();
        out.println(style.bold(e.requirement().text()) + " on " + t.displayName() + " (" + t.interpreter()
                + (t.freeThreaded() ? "t" : "") + ", " + t.platform() + ", " + t.supportedTags().size()
                + " supported tags)");
        out.println("index: " + source);
        out.println();
        out.println(style.verdict(o.verdict(), o.verdict().word()) + ": " + o.reason());
        if (o.advice() != null) {
            out.println("advice: " + o.advice().text());
        }
        Selection s = e.selection();
        if (s == null) {
            out.flush();
            return;
        }
        FileEvaluation pick = s.pick().orElse(null);
        out.println();
        out.println(style.bold("Versions, newest first:"));
        Map<Version, List<FileEvaluation>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        List<FileEvaluation> unreadable = new ArrayList<>();
        for (FileEvaluation f : s.files()) {
            if (f.version() == null) {
                unreadable.add(f);
            } else {
                byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
            }
        }
        int width = byVersion.keySet().stream().mapToInt(v -> v.toString().length()).max().orElse(7);
        for (Map.Entry<Version, List<FileEvaluation>> entry : byVersion.entrySet()) {
            String label = pick != null && pick.version().equals(entry.getKey())
                    ? "chosen: " + pick.file().filename() : statusCounts(entry.getValue());
            out.println("  " + pad(entry.getKey().toString(), width) + "  " + label);
        }
        if (!unreadable.isEmpty()) {
            out.println("  " + pad("(none)", width) + "  " + statusCounts(unreadable) + ": "
                    + unreadable.stream().map(f -> f.file().filename()).limit(5).collect(Collectors.joining(", "))
                    + (unreadable.size() > 5 ? ", ..." : ""));
        }
        Version focus = pick != null ? pick.version() : newestWithFiles(byVersion);
        if (focus != null) {
            out.println();
            out.println(style.bold("Files of " + focus + ":"));
            List<FileEvaluation> files = byVersion.get(focus);
            int nameWidth = files.stream().mapToInt(f -> f.file().filename().length()).max().orElse(10);
            for (FileEvaluation f : files) {
                String mark = f == pick ? "  <- pip's pick" : "";
                String size = f.file().size().isPresent() ? Sizes.human(f.file().size().getAsLong()) : "?";
                out.println("  " + pad(f.file().filename(), nameWidth) + "  " + pad(f.status().toString(), 21) + " "
                        + pad(size, 9) + " " + f.detail() + mark);
            }
        }
        out.println();
        out.println(style.bold("Order in which pip's resolver tries candidates (one file per version):"));
        if (s.ranked().isEmpty()) {
            out.println("  none: nothing is installable");
        }
        int shown = 0;
        for (FileEvaluation f : s.ranked()) {
            if (shown++ == 10) {
                out.println("  ... " + (s.ranked().size() - 10) + " more");
                break;
            }
            out.println("  " + pad(f.version().toString(), width) + "  " + f.file().filename());
        }
        out.flush();
    }

    private static Version newestWithFiles(Map<Version, List<FileEvaluation>> byVersion) {
        return byVersion.entrySet().stream()
                .filter(e -> e.getValue().stream().noneMatch(f -> f.status() == FileStatus.EXCLUDED_BY_SPECIFIER
                        || f.status() == FileStatus.PRERELEASE))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** E.g. {@code incompatible-wheel x24, requires-python x1}. */
    private static String statusCounts(List<FileEvaluation> files) {
        Map<FileStatus, Integer> counts = new EnumMap<>(FileStatus.class);
        files.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        Map<String, Integer> words = new LinkedHashMap<>();
        counts.forEach((status, n) -> words.put(status.toString(), n));
        return words.entrySet().stream().map(w -> w.getKey() + " x" + w.getValue()).collect(Collectors.joining(", "));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static void writeJson(Explanation e, String source, PrintWriter out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", JsonReport.SCHEMA);
            g.writeStringField("requirement", e.requirement().text());
            g.writeStringField("index", source);
            g.writeFieldName("target");
            JsonReport.writeTarget(g, e.outcome().target());
            g.writeFieldName("outcome");
            JsonReport.writeOutcome(g, e.outcome());
            Selection s = e.selection();
            g.writeArrayFieldStart("files");
            if (s != null) {
                for (FileEvaluation f : s.files()) {
                    g.writeStartObject();
                    g.writeStringField("filename", f.file().filename());
                    g.writeStringField("version", f.version() == null ? null : f.version().toString());
                    g.writeStringField("status", f.status().toString());
                    if (f.compatibility() != null && f.compatibility().isCompatible()) {
                        g.writeNumberField("priority", f.compatibility().priority());
                    }
                    g.writeStringField("detail", f.detail());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ranked");
            if (s != null) {
                for (FileEvaluation f : s.ranked()) {
                    g.writeStartObject();
                    g.writeStringField("version", f.version().toString());
                    g.writeStringField("file", f.file().filename());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
        out.flush();
    }
}
