package io.github.wheelscout.cli;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.cli.report.DockerfileReports;
import io.github.wheelscout.cli.report.JsonReport;
import io.github.wheelscout.cli.report.MarkdownReport;
import io.github.wheelscout.cli.report.ReportFormat;
import io.github.wheelscout.cli.report.Style;
import io.github.wheelscout.cli.report.TextReport;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wheelscout check}: what pip would install for each requirement on each target, side by side. */
@Command(name = "check",
        description = {
            "For every requirement and every target image, what pip would install: a wheel, a pure wheel, a source"
                    + " build, or nothing; why; and what to do instead.",
            "",
            "Example: wheelscout check -r requirements.txt --image python:3.12-alpine --image python:3.12-slim",
            "         wheelscout check --dockerfile Dockerfile",
            "With --deep: every package pip installs, dependencies included, resolved as pip's resolver does.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no outcome matched --fail-on",
            "1:some outcome matched --fail-on (default: source-build,no-match)",
            "2:bad usage or input (the good lines are still analysed and printed)",
            "3:an index error left a result unknown (with --deep also: some package's dependencies are unknown)",
        })
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RequirementInputs inputs;

    @Mixin
    TargetOptions targets;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IndexOptions index;

    @Mixin
    DockerfileInputs dockerfile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--fail-on", paramLabel = "VERDICTS", defaultValue = "source-build,no-match",
            description = "Exit 1 when an outcome has one of these verdicts (comma-separated; 'none' never):"
                    + " wheel, pure-wheel, source-build, no-match, not-found, not-needed, not-analysed"
                    + " (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--no-progress", description = "Show no progress on standard error.")
    boolean noProgress;

    @Option(names = "--deep", description = "Resolve the whole install as pip does and report every package it"
            + " installs on each target, dependencies included, with the chain that brings each in.")
    boolean deep;

    @Override
    public Integer call() throws IOException {
        Set<Verdict> failVerdicts = parseFailOn(failOn);
        if (dockerfile.isPresent()) {
            if (deep) {
                // The Dockerfile report has no chains to show yet: say so rather than drop them.
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--deep does not work with --dockerfile yet: give the stage's requirements with -r instead");
            }
            return checkDockerfile(failVerdicts);
        }
        List<Target> targetList = targets.targets();
        RequirementInputs.Loaded loaded = inputs.load(index);
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to check: give -r FILE and/or requirements such as 'numpy>=1.26'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisReport report;
        try (IndexClient client = index.build(loaded.options(), err);
                Progress progress = Progress.onTerminal(err, !noProgress && format == ReportFormat.text)) {
            WheelAnalyzer analyzer = selection.applyTo(WheelAnalyzer.builder(client))
                    .fileOptions(loaded.options())
                    .constraints(loaded.constraints())
                    .listener(progress)
                    .deep(deep)
                    .build();
            report = analyzer.analyze(loaded.requirements(), targetList);
        }
        switch (format) {
            case json -> JsonReport.write(report, loaded.errors(), out);
            case markdown -> MarkdownReport.write(report, loaded.errors(), out);
            default -> new TextReport(Style.auto()).write(report, loaded.errors(), out);
        }
        if (!loaded.errors().isEmpty()) {
            if (format != ReportFormat.text) {
                loaded.errors().forEach(e -> err.println("wheelscout: " + e.source() + ": " + e.message()));
            }
            return ExitCodes.USAGE;
        }
        if (report.hasUnknowns()) {
            return ExitCodes.INDEX_ERROR;
        }
        return report.any(failVerdicts) ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /** {@code check --dockerfile}: each group of stages analysed on its own base. */
    private int checkDockerfile(Set<Verdict> failVerdicts) throws IOException {
        if (!inputs.isEmpty() || !targets.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dockerfile takes the requirements and"
                    + " the images from the Dockerfile: give no -r, -c, REQUIREMENT, --image or --python with it");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DockerfileInputs.Loaded loaded = dockerfile.load(index.environment());
        List<DockerfileReports.Section> sections = new ArrayList<>();
        List<io.github.wheelscout.requirement.GlobalOption> fileOptions = new ArrayList<>();
        loaded.installs().forEach(i -> fileOptions.addAll(i.options().stream()
                .filter(o -> o.name().endsWith("index-url") || o.name().equals("--trusted-host")).toList()));
        if (!loaded.installs().isEmpty()) {
            try (IndexClient client = index.build(fileOptions, err);
                    Progress progress = Progress.onTerminal(err, !noProgress && format == ReportFormat.text)) {
                for (DockerfileInputs.Installs i : loaded.installs()) {
                    WheelAnalyzer analyzer = i.applyTo(selection.applyTo(WheelAnalyzer.builder(client)))
                            .listener(progress)
                            .build();
                    sections.add(new DockerfileReports.Section(i.label(), i.stages(),
                            analyzer.analyze(i.requirements(), List.of(i.target()))));
                }
            }
        }
        switch (format) {
            case json -> DockerfileReports.json(loaded.path(), loaded.report(), sections, loaded.unfollowed(),
                    loaded.errors(), out);
            case markdown -> DockerfileReports.markdown(loaded.path(), sections, loaded.unfollowed(), loaded.errors(),
                    out);
            default -> DockerfileReports.text(Style.auto(), loaded.path(), sections, loaded.unfollowed(),
                    loaded.errors(), out);
        }
        if (format != ReportFormat.text) {
            loaded.unfollowed().forEach(u -> err.println("wheelscout: " + loaded.path() + ": not followed: " + u));
            loaded.errors().forEach(e -> err.println("wheelscout: " + e.source() + ": " + e.message()));
        }
        if (!loaded.errors().isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (sections.isEmpty()) {
            err.println("wheelscout: " + loaded.path() + ": nothing to check: no stage installs requirements with pip"
                    + " on a base image wheelscout knows");
            return ExitCodes.USAGE;
        }
        if (sections.stream().anyMatch(s -> s.report().hasErrors())) {
            return ExitCodes.INDEX_ERROR;
        }
        return sections.stream().anyMatch(s -> s.report().any(failVerdicts)) ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /** The verdicts named in {@code --fail-on}. */
    Set<Verdict> parseFailOn(String value) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        if (value.isBlank() || value.strip().equals("none")) {
            return verdicts;
        }
        for (String word : value.split(",")) {
            try {
                Verdict v = Verdict.ofWord(word.strip());
                if (v == Verdict.ERROR) {
                    continue; // errors always fail (exit 3)
                }
                verdicts.add(v);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
            }
        }
        return verdicts;
    }
}
