package io.github.wheelscout.cli;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.cli.report.GateFormat;
import io.github.wheelscout.cli.report.GateGithubReport;
import io.github.wheelscout.cli.report.GateJsonReport;
import io.github.wheelscout.cli.report.GateJunitReport;
import io.github.wheelscout.cli.report.GateMarkdownReport;
import io.github.wheelscout.cli.report.GateReport;
import io.github.wheelscout.cli.report.GateTextReport;
import io.github.wheelscout.cli.report.Style;
import io.github.wheelscout.gate.Baseline;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.gate.Gate;
import io.github.wheelscout.gate.GateResult;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.requirement.Origin;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wheelscout gate}: fails CI when a change to a requirements file makes a dependency build from source (or
 * stop installing) on a target image, unless a baseline accepts it.
 */
@Command(name = "gate",
        description = {
            "Compares what pip would install for the BASE and the HEAD requirements on every target image and fails"
                    + " on a regression (a wheel before, a source build or nothing installable now) or a new build"
                    + " (a requirement new in HEAD, or newly needed, that builds from source or cannot install),"
                    + " unless the baseline accepts it.",
            "",
            "Example: wheelscout gate --base git:origin/main --head requirements.txt --image python:3.12-alpine",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression and no unaccepted new build",
            "1:a regression or a new build that the baseline does not accept",
            "2:bad usage or input (a bad line, an unknown revision, a bad baseline); the comparison is still printed"
                    + " when it could be made",
            "3:an index error left a comparison unknown (fail closed), unless --allow-errors",
        })
public final class GateCommand implements Callable<Integer> {

    private static final String GIT_PREFIX = "git:";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "BASE",
            description = "The requirements before the change: a file, or git:REV for the HEAD file's path at a git"
                    + " revision (git:origin/main, git:HEAD~1), its includes read at that revision too.")
    String base;

    @Option(names = "--head", required = true, paramLabel = "HEAD",
            description = "The requirements after the change: a requirements file (pip's format) or a"
                    + " pyproject.toml.")
    String head;

    @Mixin
    TargetOptions targets;

    @Mixin
    SelectionOptions selection;

    @Mixin
    IndexOptions index;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted source builds (JSON, see the README): a regression or new build an entry matches"
                    + " does not fail the gate until the entry expires.")
    Path baselineFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write a baseline accepting every source build (and every requirement that cannot"
                    + " install) of HEAD, keeping the --baseline entries that already accept one. The exit code"
                    + " still reflects the comparison with --baseline.")
    Path writeBaseline;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, github (workflow commands, and a Markdown summary appended to"
                    + " $GITHUB_STEP_SUMMARY when set) or junit (JUnit XML) (default: ${DEFAULT-VALUE}).")
    GateFormat format;

    @Option(names = "--allow-errors",
            description = "Judge on the known results when an index error leaves some comparison unknown, instead"
                    + " of failing closed with exit code 3.")
    boolean allowErrors;

    @Option(names = "--no-progress", description = "Show no progress on standard error.")
    boolean noProgress;

    /** One side's requirements, constraints, file options and bad lines. */
    private record Side(List<AnalysisRequirement> requirements, List<AnalysisRequirement> constraints,
            List<GlobalOption> options, List<RequirementsFileError> errors) {
        static final Side EMPTY = new Side(List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Target> targetList = targets.targets();
        Map<String, String> env = index.environment();

        Path headPath = path("--head", head);
        if (!Files.isRegularFile(headPath)) {
            throw new IllegalArgumentException("--head " + head + ": "
                    + (Files.exists(headPath) ? "not a file" : "no such file"));
        }
        Baseline baseline = Baseline.EMPTY;
        if (baselineFile != null) {
            baseline = BaselineFile.read(baselineFile);
            for (BaselineEntry e : baseline.entries()) {
                if (!e.targetIsKnown()) {
                    err.println("wheelscout: warning: baseline " + baselineFile + ": entry " + e + ": target '"
                            + e.targetPattern() + "' is neither a known image, a machine id nor a pattern: it may"
                            + " match nothing");
                }
            }
        }
        Path displayRoot = GitRevision.rootOf(headPath).orElse(Path.of("").toAbsolutePath());

        Side headSide = side(read(headPath, env, null), displayRoot, "");
        Side baseSide;
        String baseLabel;
        if (base.startsWith(GIT_PREFIX)) {
            GitRevision git = GitRevision.of(headPath, base.substring(GIT_PREFIX.length()));
            String shortCommit = git.commit().substring(0, Math.min(12, git.commit().length()));
            baseLabel = base + " (" + shortCommit + ")";
            if (!git.exists(headPath)) {
                err.println("wheelscout: warning: " + git.relative(headPath) + " does not exist at " + git.revision()
                        + ": the base is empty, so every requirement of the head is new");
                baseSide = Side.EMPTY;
            } else {
                baseSide = side(read(headPath, env, git), displayRoot, git.revision() + ":");
            }
        } else {
            Path basePath = path("--base", base);
            if (!Files.isRegularFile(basePath)) {
                throw new IllegalArgumentException("--base " + base + ": "
                        + (Files.exists(basePath) ? "not a file" : "no such file")
                        + " (for a git revision of the head file, write --base git:REV)");
            }
            baseLabel = base;
            baseSide = side(read(basePath, env, null), displayRoot, "");
        }
        List<RequirementsFileError> errors = new ArrayList<>(baseSide.errors());
        errors.addAll(headSide.errors());

        GateResult result;
        Gate gate = Gate.builder().baseline(baseline).build();
        boolean sameIndex = indexOptions(baseSide.options()).equals(indexOptions(headSide.options()));
        try (IndexClient headClient = index.build(headSide.options(), err);
                IndexClient baseClient = sameIndex ? null : index.build(baseSide.options(), null);
                Progress progress = Progress.onTerminal(err, !noProgress && format == GateFormat.text)) {
            WheelAnalyzer headAnalyzer = selection.applyTo(WheelAnalyzer.builder(headClient))
                    .fileOptions(headSide.options()).constraints(headSide.constraints()).listener(progress).build();
            WheelAnalyzer baseAnalyzer = selection.applyTo(WheelAnalyzer.builder(sameIndex ? headClient : baseClient))
                    .fileOptions(baseSide.options()).constraints(baseSide.constraints()).build();
            result = gate.run(baseAnalyzer, baseSide.requirements(), headAnalyzer, headSide.requirements(), targetList);
        }

        GateReport report = new GateReport(result, baseLabel, head,
                baselineFile == null ? null : baselineFile.toString(), allowErrors, errors);
        switch (format) {
            case json -> GateJsonReport.write(report, out);
            case markdown -> GateMarkdownReport.write(report, out);
            case github -> {
                GateGithubReport.write(report, out);
                stepSummary(report, env, err);
            }
            case junit -> GateJunitReport.write(report, out);
            default -> new GateTextReport(Style.auto()).write(report, out);
        }
        if (format != GateFormat.text && format != GateFormat.github) {
            errors.forEach(e -> err.println("wheelscout: " + e.source() + ": " + e.message()));
        }
        if (writeBaseline != null) {
            Baseline written = Baseline.accepting(result, "accepted by wheelscout gate --write-baseline on "
                    + result.today());
            try {
                BaselineFile.write(written, writeBaseline);
            } catch (IOException e) {
                throw new IllegalArgumentException("--write-baseline " + writeBaseline + ": cannot write: "
                        + e.getMessage(), e);
            }
            err.println("wheelscout: wrote " + written.entries().size() + " accepted "
                    + (written.entries().size() == 1 ? "build" : "builds") + " to " + writeBaseline);
        }
        if (!errors.isEmpty()) {
            return ExitCodes.USAGE;
        }
        return switch (report.status()) {
            case PASS -> ExitCodes.OK;
            case FAIL -> ExitCodes.FOUND;
            case UNKNOWN -> ExitCodes.INDEX_ERROR;
        };
    }

    /**
     * Reads a requirements file, or a pyproject.toml (a name ending in {@code .toml}), from the file system or, with
     * {@code git}, at a revision.
     */
    private static RequirementsFile read(Path file, Map<String, String> env, GitRevision git) throws IOException {
        boolean pyproject = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".toml");
        if (git == null) {
            return pyproject ? PyprojectReader.read(file) : RequirementsFile.read(file, env);
        }
        return pyproject ? PyprojectReader.parse(new String(git.read(file), StandardCharsets.UTF_8), file.toString())
                : RequirementsFile.read(file, env, Path.of(""), git);
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a valid path: " + e.getMessage());
        }
    }

    /**
     * The requirements of {@code file}, with every source made relative to {@code root} (so that GitHub can find
     * the line) and prefixed with {@code prefix} ({@code origin/main:} for a base read at a revision).
     */
    private static Side side(RequirementsFile file, Path root, String prefix) {
        List<AnalysisRequirement> requirements = new ArrayList<>();
        List<AnalysisRequirement> constraints = new ArrayList<>();
        for (RequirementLine line : file.requirements()) {
            AnalysisRequirement r = AnalysisRequirement.from(line);
            r = new AnalysisRequirement(r.text(), r.name(), r.requirement(),
                    prefix + display(line.origin(), root), r.hashes(), r.notIndexed());
            (line.constraint() ? constraints : requirements).add(r);
        }
        List<RequirementsFileError> errors = new ArrayList<>();
        for (RequirementsFileError e : file.errors()) {
            Origin origin = new Origin(prefix + relative(e.origin().file(), root), e.origin().line());
            errors.add(new RequirementsFileError(origin, e.column(), e.message()));
        }
        return new Side(requirements, constraints, file.options(), errors);
    }

    private static String display(Origin origin, Path root) {
        return new Origin(relative(origin.file(), root), origin.line()).toString();
    }

    /** {@code file} relative to {@code root} with {@code /} separators when it lies below it; else as written. */
    static String relative(String file, Path root) {
        try {
            Path absolute = Path.of(file).toAbsolutePath().normalize();
            if (!absolute.startsWith(root) || absolute.equals(root)) {
                return file;
            }
            List<String> parts = new ArrayList<>();
            root.relativize(absolute).forEach(p -> parts.add(p.toString()));
            return String.join("/", parts);
        } catch (InvalidPathException e) {
            return file;
        }
    }

    /** The options that choose the index: two sides with the same ones share one client (and its cache). */
    private static List<String> indexOptions(List<GlobalOption> options) {
        return options.stream()
                .filter(o -> List.of("--index-url", "--extra-index-url", "--trusted-host").contains(o.name()))
                .map(o -> o.name() + "=" + Objects.toString(o.value(), "")).toList();
    }

    /** Appends the Markdown report to {@code $GITHUB_STEP_SUMMARY}, when the runner set it. */
    private static void stepSummary(GateReport report, Map<String, String> env, PrintWriter err) {
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(Path.of(summary), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                PrintWriter pw = new PrintWriter(w)) {
            GateMarkdownReport.write(report, pw);
        } catch (IOException | InvalidPathException e) {
            err.println("wheelscout: warning: cannot append the summary to GITHUB_STEP_SUMMARY (" + summary + "): "
                    + e.getMessage());
        }
    }
}
