package io.github.wheelscout.cli;

import io.github.wheelscout.advise.ImageAdvisor;
import io.github.wheelscout.advise.ImageComparison;
import io.github.wheelscout.advise.ImageVariants;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.cli.report.AdviseDocument;
import io.github.wheelscout.cli.report.AdviseFormat;
import io.github.wheelscout.cli.report.AdviseHtmlReport;
import io.github.wheelscout.cli.report.AdviseJsonReport;
import io.github.wheelscout.cli.report.AdviseMarkdownReport;
import io.github.wheelscout.cli.report.AdviseTextReport;
import io.github.wheelscout.cli.report.Style;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.tags.ImagePreset;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wheelscout advise}: which base image for this requirement set, what each costs, and why. */
@Command(name = "advise",
        description = {
            "Compares images for a requirement set: per image the counts per verdict, the bytes pip downloads, every"
                    + " source build with the system packages it needs (as you type them), every requirement that"
                    + " cannot install and why, the distribution's own package where the image uses the"
                    + " distribution's Python; then a ranked recommendation.",
            "Without --image it compares python:X.Y-slim, python:X.Y-alpine and python:X.Y, for --python X.Y or the"
                    + " newest stable CPython in wheelscout's image table.",
            "",
            "Example: wheelscout advise -r requirements.txt --python 3.12",
            "         wheelscout advise -r requirements.txt --image python:3.12-slim --image alpine:3.20"
                    + " --format html -o advice.html",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:some compared image installs every requirement",
            "1:no compared image installs every requirement (each has one that cannot install)",
            "2:bad usage or input (the good lines are still analysed and printed)",
            "3:an index error left a result unknown",
        })
public final class AdviseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RequirementInputs inputs;

    @Option(names = "--python", paramLabel = "X.Y",
            description = "Compare python:X.Y-slim, python:X.Y-alpine and python:X.Y for this CPython (default: the"
                    + " newest stable CPython in wheelscout's image table).")
    String python;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Compare these images instead (repeatable): python:3.12-slim, python:3.12-alpine3.20,"
                    + " alpine:3.20, debian:bookworm, ubuntu:24.04, ...")
    List<String> images = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "The images' architecture: x86_64 (default), aarch64/arm64, arm/v7, ... (repeatable).")
    List<String> arches = new ArrayList<>();

    @Mixin
    SelectionOptions selection;

    @Mixin
    IndexOptions index;

    @Mixin
    DockerfileInputs dockerfile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (one self-contained page) (default: ${DEFAULT-VALUE}).")
    AdviseFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--no-progress", description = "Show no progress on standard error.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (python != null && !images.isEmpty()) {
            throw usage("--python chooses the official images to compare; with --image the images say their"
                    + " Python: give one or the other");
        }
        AdviseDocument document;
        boolean indexErrors;
        List<AdviseDocument.RequirementSet> sets = new ArrayList<>();
        if (dockerfile.isPresent()) {
            if (!inputs.isEmpty()) {
                throw usage("--dockerfile takes the requirements from the Dockerfile: give no -r, -c or REQUIREMENT"
                        + " with it");
            }
            DockerfileInputs.Loaded loaded = dockerfile.load(index.environment());
            List<GlobalOption> fileOptions = new ArrayList<>();
            loaded.installs().forEach(i -> fileOptions.addAll(i.options()));
            indexErrors = false;
            if (!loaded.installs().isEmpty()) {
                try (IndexClient client = index.build(indexOptions(fileOptions), err);
                        Progress progress = Progress.onTerminal(err, !noProgress && format == AdviseFormat.text)) {
                    for (DockerfileInputs.Installs i : loaded.installs()) {
                        List<Target> targets = targetsFor(i);
                        WheelAnalyzer analyzer = i.applyTo(selection.applyTo(WheelAnalyzer.builder(client)))
                                .listener(progress).build();
                        AnalysisReport report = analyzer.analyze(i.requirements(), targets);
                        indexErrors |= report.hasErrors();
                        sets.add(new AdviseDocument.RequirementSet(loaded.path() + ": " + String.join(", ",
                                i.stages()), i.requirements().size(), ImageAdvisor.bundled().compare(report)));
                    }
                }
            }
            document = new AdviseDocument(sets, loaded.errors(), Optional.of(loaded.path()), loaded.unfollowed());
            if (format != AdviseFormat.text) {
                loaded.unfollowed().forEach(u -> err.println("wheelscout: " + loaded.path() + ": not followed: " + u));
            }
        } else {
            RequirementInputs.Loaded loaded = inputs.load(index);
            if (inputs.isEmpty()) {
                throw usage("nothing to advise on: give -r FILE and/or requirements such as 'numpy>=1.26', or"
                        + " --dockerfile PATH");
            }
            List<Target> targets = targets(images.isEmpty() ? ImageVariants.official(python != null ? python
                    : ImageVariants.newestStablePython()) : images);
            AnalysisReport report;
            try (IndexClient client = index.build(loaded.options(), err);
                    Progress progress = Progress.onTerminal(err, !noProgress && format == AdviseFormat.text)) {
                WheelAnalyzer analyzer = selection.applyTo(WheelAnalyzer.builder(client))
                        .fileOptions(loaded.options())
                        .constraints(loaded.constraints())
                        .listener(progress)
                        .build();
                report = analyzer.analyze(loaded.requirements(), targets);
            }
            indexErrors = report.hasErrors();
            if (!loaded.requirements().isEmpty()) {
                sets.add(new AdviseDocument.RequirementSet(label(), loaded.requirements().size(),
                        ImageAdvisor.bundled().compare(report)));
            }
            document = new AdviseDocument(sets, loaded.errors(), Optional.empty(), List.of());
        }
        write(document);
        if (format != AdviseFormat.text || output != null) {
            document.errors().forEach(e -> err.println("wheelscout: " + e.source() + ": " + e.message()));
        }
        if (!document.errors().isEmpty() || document.sets().isEmpty()) {
            if (document.sets().isEmpty() && document.errors().isEmpty()) {
                err.println("wheelscout: " + document.dockerfile().orElse("the input") + ": nothing to advise on: no"
                        + " stage installs requirements with pip on a base image wheelscout knows");
            }
            return ExitCodes.USAGE;
        }
        if (indexErrors) {
            return ExitCodes.INDEX_ERROR;
        }
        return document.sets().stream().map(AdviseDocument.RequirementSet::comparison)
                .allMatch(ImageComparison::anyInstallsEverything) ? ExitCodes.OK : ExitCodes.FOUND;
    }

    /** The Dockerfile's index options only: its other pip options are the analysis's, per install group. */
    private static List<GlobalOption> indexOptions(List<GlobalOption> options) {
        return options.stream().filter(o -> o.name().endsWith("index-url") || o.name().equals("--trusted-host")
                || o.name().equals("--no-index") || o.name().equals("--find-links")).toList();
    }

    /** The base of {@code i} first, then the images to compare it with: --image, or its Python's variants. */
    private List<Target> targetsFor(DockerfileInputs.Installs i) {
        List<String> compare = new ArrayList<>();
        compare.add(i.image());
        if (!images.isEmpty()) {
            compare.addAll(images);
        } else {
            Optional<ImagePreset> base = i.target().image();
            String version = python != null ? python : base.filter(p -> p.reference().startsWith("python:")
                    && p.implementation().equals("cpython")).map(ImagePreset::python).orElse(null);
            if (version != null) {
                compare.addAll(ImageVariants.official(version));
            }
        }
        List<String> arch = new ArrayList<>(arches);
        if (arch.isEmpty()) {
            arch.add(i.target().arch().name());
        }
        List<Target> out = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        for (String image : compare) {
            for (String a : arch) {
                Target t = Target.forImage(image, a);
                // the same image under two names (python:3.12-slim and its pinned tag) is compared once
                Object key = List.of(t.image().map(p -> (Object) p).orElse(image), t.arch());
                if (!seen.contains(key)) {
                    seen.add(key);
                    out.add(t);
                }
            }
        }
        return out;
    }

    private List<Target> targets(List<String> references) {
        List<String> arch = arches.isEmpty() ? java.util.Collections.singletonList(null) : arches;
        List<Target> out = new ArrayList<>();
        for (String image : references) {
            for (String a : arch) {
                out.add(Target.forImage(image, a));
            }
        }
        return out;
    }

    /** What the requirement set is, for headings: the files given, and/or the command line. */
    private String label() {
        List<String> parts = new ArrayList<>(inputs.requirementFiles);
        if (!inputs.inline.isEmpty()) {
            parts.add("the command line");
        }
        return parts.isEmpty() ? "requirements" : String.join(", ", parts);
    }

    private void write(AdviseDocument document) throws IOException {
        String title = "wheelscout advise: which base image for " + (document.dockerfile().isPresent()
                ? document.dockerfile().get() : label());
        Function<PrintWriter, Void> render = out -> {
            try {
                switch (format) {
                    case json -> AdviseJsonReport.write(document, out);
                    case markdown -> AdviseMarkdownReport.write(document, out);
                    case html -> AdviseHtmlReport.write(document, title, out);
                    default -> new AdviseTextReport(output == null ? Style.auto() : Style.plain()).write(document, out);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        };
        if (output == null) {
            render.apply(spec.commandLine().getOut());
            return;
        }
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output),
                StandardCharsets.UTF_8))) {
            render.apply(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--output " + output + ": cannot write it (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getErr().println("wheelscout: wrote " + output);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
