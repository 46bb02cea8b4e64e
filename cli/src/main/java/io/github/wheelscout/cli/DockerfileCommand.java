package io.github.wheelscout.cli;

import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.ImageAdvisor;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.advise.dockerfile.DockerfileGrammar;
import io.github.wheelscout.advise.dockerfile.DockerfilePlan;
import io.github.wheelscout.advise.dockerfile.DockerfilePlanner;
import io.github.wheelscout.advise.dockerfile.DockerfileWriter;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wheelscout dockerfile}: the multi-stage Dockerfile that builds this requirement set on an image. */
@Command(name = "dockerfile",
        description = {
            "Writes the Dockerfile that installs the requirements on IMAGE, from the analysis and what each source"
                    + " build needs: when something builds from source, a builder stage on the same pinned image"
                    + " installs exactly the build packages and runs pip wheel, and the runtime stage installs only"
                    + " the runtime libraries and the built wheels (from a BuildKit bind mount), as a non-root user;"
                    + " when nothing builds, one stage and no build tools. Its header states what wheelscout found.",
            "The requirements files are copied from the build context (--context, default: the directory of"
                    + " --output, else the current directory) at their paths there.",
            "",
            "Example: wheelscout dockerfile -r requirements.txt --image python:3.12-alpine -o Dockerfile",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the Dockerfile was written",
            "1:the Dockerfile was written, but a requirement cannot install on the image (the header says which):"
                    + " the build fails until it is removed or replaced",
            "2:bad usage or input (nothing is written)",
            "3:an index error left a result unknown (nothing is written)",
        })
public final class DockerfileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RequirementInputs inputs;

    @Option(names = "--image", required = true, paramLabel = "IMAGE",
            description = "The base image: python:3.12-slim, python:3.12-alpine, alpine:3.20, debian:bookworm, ...")
    String image;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "The architecture to analyse for (default x86_64); the header says how to build for it.")
    String arch;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IndexOptions index;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the Dockerfile to FILE instead of standard output.")
    Path output;

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context the requirements files are copied from (default: the directory of"
                    + " --output, else the current directory).")
    Path context;

    @Option(names = "--no-progress", description = "Show no progress on standard error.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.isEmpty()) {
            throw usage("nothing to install: give -r FILE and/or requirements such as 'numpy>=1.26'");
        }
        if (!inputs.constraintFiles.isEmpty()) {
            throw usage("-c is not supported here: reference the constraints file from the requirements file"
                    + " (a '-c constraints.txt' line), so that the Dockerfile copies it and pip reads it");
        }
        Path contextDir = (context != null ? context : output != null && output.toAbsolutePath().getParent() != null
                ? output.toAbsolutePath().getParent() : Path.of("")).toAbsolutePath().normalize();
        List<String> topFiles = new ArrayList<>();
        for (String file : inputs.requirementFiles) {
            topFiles.add(contextPath(file, contextDir));
        }
        RequirementInputs.Loaded loaded = inputs.load(index);
        if (!loaded.errors().isEmpty()) {
            for (RequirementsFileError e : loaded.errors()) {
                err.println("wheelscout: " + e.source() + ": " + e.message());
            }
            err.println("wheelscout: no Dockerfile written: fix the input first (pip would stop at these lines too)");
            return ExitCodes.USAGE;
        }
        List<String> included = new ArrayList<>();
        for (String file : loaded.files()) {
            included.add(contextPath(file, contextDir));
        }
        Target target = Target.forImage(image, arch);
        AnalysisReport report;
        try (IndexClient client = index.build(loaded.options(), err);
                Progress progress = Progress.onTerminal(err, !noProgress)) {
            WheelAnalyzer analyzer = selection.applyTo(WheelAnalyzer.builder(client))
                    .fileOptions(loaded.options())
                    .constraints(loaded.constraints())
                    .listener(progress)
                    .build();
            report = analyzer.analyze(loaded.requirements(), List.of(target));
        }
        if (report.hasErrors()) {
            report.requirements().stream().map(r -> r.outcome(0)).filter(o -> o.verdict() == Verdict.ERROR)
                    .forEach(o -> err.println("wheelscout: " + o.reason()));
            err.println("wheelscout: no Dockerfile written: an index error left a result unknown");
            return ExitCodes.INDEX_ERROR;
        }
        ImageAdvice advice = ImageAdvisor.bundled().compare(report).images().get(0);
        List<AnalysisRequirement> requirements = loaded.requirements();
        List<String> inline = new ArrayList<>(inputs.inline);
        DockerfilePlan plan = DockerfilePlanner.plan(advice, requirements, topFiles, included, inline,
                selection.pipArguments());
        String text = DockerfileWriter.write(plan);
        List<DockerfileGrammar.Violation> violations = DockerfileGrammar.check(text);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the Dockerfile written breaks the grammar: " + violations + "\n" + text);
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--output " + output + ": cannot write it (" + e.getMessage() + ")",
                        e);
            }
            err.println("wheelscout: wrote " + output + " (" + (plan.multiStage() ? "builder and runtime stages"
                    : "one stage") + ")");
        }
        for (SourceBuildAdvice b : advice.sourceBuilds()) {
            if (!b.needsKnown()) {
                err.println("wheelscout: warning: " + b.name() + " " + b.version() + ": what its build needs is not"
                        + " fully known; the header says what to add by hand");
            }
        }
        if (!advice.cannotInstall().isEmpty()) {
            advice.cannotInstall().forEach(c -> err.println("wheelscout: " + c.requirement() + " cannot install on "
                    + advice.image() + ": " + c.shortReason()));
            return ExitCodes.FOUND;
        }
        return ExitCodes.OK;
    }

    /**
     * {@code file} as a path inside the build context, with forward slashes.
     *
     * @throws IllegalArgumentException if it is standard input, a pyproject.toml, or outside the context
     */
    private String contextPath(String file, Path contextDir) {
        if (file.equals("-") || file.equals("<stdin>")) {
            throw usage("-r -: a Dockerfile copies its requirements from the build context: give a file");
        }
        if (file.toLowerCase(Locale.ROOT).endsWith(".toml")) {
            throw usage("-r " + file + ": pip installs a pyproject.toml project with 'pip install .', not with -r;"
                    + " give a requirements file (e.g. from pip-compile or uv pip compile)");
        }
        Path absolute = Path.of(file).toAbsolutePath().normalize();
        if (!absolute.startsWith(contextDir)) {
            throw usage("-r " + file + " is outside the build context " + contextDir + ": give --context DIR (a"
                    + " directory holding the requirements files and the Dockerfile's build)");
        }
        String relative = contextDir.relativize(absolute).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            throw usage("-r " + file + " is the build context itself, not a file");
        }
        return relative;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
