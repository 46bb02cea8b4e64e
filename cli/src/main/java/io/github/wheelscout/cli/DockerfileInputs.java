package io.github.wheelscout.cli;

import io.github.wheelscout.advise.dockerfile.DockerfileReader;
import io.github.wheelscout.advise.dockerfile.DockerfileReport;
import io.github.wheelscout.advise.dockerfile.PipCommand;
import io.github.wheelscout.advise.dockerfile.RequirementFile;
import io.github.wheelscout.advise.dockerfile.Stage;
import io.github.wheelscout.advise.dockerfile.Unfollowed;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.requirement.Origin;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --dockerfile PATH [--build-arg NAME=VALUE]...}, the Dockerfile input of {@code check} and {@code advise}
 * (a picocli mixin; {@code gate} can take it the same way): reads the Dockerfile's stages and pip installs
 * ({@link DockerfileReader}), resolves their requirements files against the Dockerfile's directory as the build
 * context, and groups what is installed by base image, so that each stage is analysed on its own base. What it
 * cannot follow is reported with its line ({@link Loaded#unfollowed()}), never guessed.
 *
 * <p>Library use (for another command): {@link #load(Path, Map, Map)} gives the same result without picocli.
 */
public final class DockerfileInputs {

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    @Option(names = "--dockerfile", paramLabel = "PATH",
            description = "Analyse what an existing Dockerfile installs: each stage's pip installs (-r files copied"
                    + " from the build context, which is the Dockerfile's directory, and inline requirements) on"
                    + " that stage's own base image (FROM, ARG defaults, --platform).")
    Path dockerfile;

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE",
            description = "A build argument for --dockerfile, as docker build --build-arg (repeatable).")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    /** Whether {@code --dockerfile} was given. */
    public boolean isPresent() {
        return dockerfile != null;
    }

    /** The Dockerfile given, if any. */
    public Optional<Path> path() {
        return Optional.ofNullable(dockerfile);
    }

    /**
     * What the Dockerfile installs.
     *
     * @throws IllegalArgumentException if it cannot be read
     */
    public Loaded load(Map<String, String> environment) {
        if (dockerfile == null) {
            throw new IllegalStateException("no --dockerfile");
        }
        return load(dockerfile, buildArgs, environment);
    }

    /**
     * What one pip command group installs on one base: the requirements of the pip commands of one or more
     * stages that share the base image and the options that change pip's choice.
     *
     * @param target       the base image, as a target
     * @param image        the base image reference as the Dockerfile resolves it
     * @param stages       the stages (labels with their FROM lines), in order
     * @param requirements what pip installs, in order (from -r files and inline)
     * @param constraints  constraints (-c files, and -c lines inside the files)
     * @param options      the pip options in effect, in the order pip applies them: PIP_* variables, then the
     *                     command line, then each file's own options
     * @param files        every file read, includes too
     */
    public record Installs(Target target, String image, List<String> stages, List<AnalysisRequirement> requirements,
            List<AnalysisRequirement> constraints, List<GlobalOption> options, List<String> files) {

        /** Freezes the lists. */
        public Installs {
            stages = List.copyOf(stages);
            requirements = List.copyOf(requirements);
            constraints = List.copyOf(constraints);
            options = List.copyOf(options);
            files = List.copyOf(files);
        }

        /** E.g. {@code stage wheels (line 8) on python:3.12-alpine3.20}. */
        public String label() {
            return (stages.size() == 1 ? "stage " : "stages ") + String.join(", ", stages) + " on "
                    + target.displayName();
        }

        /** Sets the options and constraints of these installs on {@code builder}. */
        public WheelAnalyzer.Builder applyTo(WheelAnalyzer.Builder builder) {
            return builder.fileOptions(options).constraints(constraints);
        }
    }

    /**
     * Everything read from a Dockerfile.
     *
     * @param path       the Dockerfile as given
     * @param report     what the reader found
     * @param installs   what is installed, grouped by base image and pip options, in stage order
     * @param unfollowed the constructs not followed: the reader's, and the loader's own (a requirements file not
     *                   in the build context, a base image not in wheelscout's table, index options)
     * @param errors     bad lines of the requirements files and of inline requirements
     */
    public record Loaded(String path, DockerfileReport report, List<Installs> installs, List<Unfollowed> unfollowed,
            List<RequirementsFileError> errors) {

        /** Freezes the lists. */
        public Loaded {
            installs = List.copyOf(installs);
            unfollowed = List.copyOf(unfollowed);
            errors = List.copyOf(errors);
        }

        /** Every requirement installed, in order, over every base. */
        public List<AnalysisRequirement> requirements() {
            return installs.stream().flatMap(i -> i.requirements().stream()).toList();
        }
    }

    /**
     * Reads {@code dockerfile} with {@code buildArgs} (as {@code docker build --build-arg}), resolving requirements
     * files against its directory; {@code ${VAR}} in those files is expanded from {@code environment} as pip does.
     *
     * @throws IllegalArgumentException if the Dockerfile cannot be read
     */
    public static Loaded load(Path dockerfile, Map<String, String> buildArgs, Map<String, String> environment) {
        return load(dockerfile, buildArgs, environment, RequirementsFile.FileSource.FILE_SYSTEM);
    }

    /**
     * As {@link #load(Path, Map, Map)}, reading the Dockerfile and the requirements files from {@code source} (say,
     * a git revision, for {@code gate}) instead of the file system; the build context is still the Dockerfile's
     * directory.
     *
     * @throws IllegalArgumentException if the Dockerfile cannot be read
     */
    public static Loaded load(Path dockerfile, Map<String, String> buildArgs, Map<String, String> environment,
            RequirementsFile.FileSource source) {
        String text;
        try {
            text = new String(source.read(dockerfile), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("--dockerfile " + dockerfile + ": cannot read it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")", e);
        }
        Path context = dockerfile.toAbsolutePath().normalize().getParent();
        return new Resolver(dockerfile.toString(), context, dockerfile.getParent(), environment, source)
                .resolve(DockerfileReader.read(text, buildArgs));
    }

    /** Resolves one report against its build context. */
    private static final class Resolver {
        private final String name;
        private final Path context;
        private final Path shownContext;
        private final Map<String, String> environment;
        private final RequirementsFile.FileSource source;
        private final List<Unfollowed> unfollowed = new ArrayList<>();
        private final List<RequirementsFileError> errors = new ArrayList<>();

        Resolver(String name, Path context, Path shownContext, Map<String, String> environment,
                RequirementsFile.FileSource source) {
            this.name = name;
            this.context = context;
            this.shownContext = shownContext;
            this.environment = environment;
            this.source = source;
        }

        /** Whether {@code path} is a file of the build context. */
        private boolean exists(Path path) {
            if (source == RequirementsFile.FileSource.FILE_SYSTEM) {
                return Files.isRegularFile(path);
            }
            try {
                source.read(path);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** One group while it is built. */
        private static final class Group {
            final Target target;
            final String image;
            final List<GlobalOption> options;
            final List<String> stages = new ArrayList<>();
            final List<AnalysisRequirement> requirements = new ArrayList<>();
            final List<AnalysisRequirement> constraints = new ArrayList<>();
            final List<String> files = new ArrayList<>();

            Group(Target target, String image, List<GlobalOption> options) {
                this.target = target;
                this.image = image;
                this.options = options;
            }
        }

        Loaded resolve(DockerfileReport report) {
            unfollowed.addAll(report.unfollowed());
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Stage stage : report.stages()) {
                if (stage.pipCommands().isEmpty()) {
                    continue;
                }
                Optional<Target> target = target(stage);
                if (target.isEmpty()) {
                    continue;
                }
                String stageLabel = stage.label() + " (line " + stage.line() + ")";
                for (PipCommand pip : stage.pipCommands()) {
                    List<GlobalOption> options = options(pip);
                    List<AnalysisRequirement> requirements = new ArrayList<>();
                    List<AnalysisRequirement> constraints = new ArrayList<>();
                    List<GlobalOption> fileOptions = new ArrayList<>();
                    List<String> files = new ArrayList<>();
                    for (RequirementFile f : pip.requirementFiles()) {
                        read(pip, f).ifPresent(file -> {
                            for (RequirementLine line : file.requirements()) {
                                (line.constraint() ? constraints : requirements).add(AnalysisRequirement.from(line));
                            }
                            fileOptions.addAll(file.options());
                            errors.addAll(file.errors());
                            files.addAll(file.files());
                        });
                    }
                    for (RequirementFile f : pip.constraintFiles()) {
                        read(pip, f).ifPresent(file -> {
                            file.requirements().stream().map(AnalysisRequirement::from).forEach(constraints::add);
                            fileOptions.addAll(file.options());
                            errors.addAll(file.errors());
                            files.addAll(file.files());
                        });
                    }
                    for (String text : pip.requirements()) {
                        try {
                            Requirement parsed = Requirement.parse(text);
                            // keep the text as written in the Dockerfile, as for a requirements file's lines
                            requirements.add(new AnalysisRequirement(text, parsed.projectName(), parsed,
                                    name + ":" + pip.line(), Map.of(), parsed.url().map(u -> "a direct reference ("
                                            + u + "), not resolved from an index").orElse(null)));
                        } catch (IllegalArgumentException e) { // not PEP 508, or no version can be compared with it
                            errors.add(new RequirementsFileError(new Origin(name, pip.line()), 0, e.getMessage()));
                        }
                    }
                    if (requirements.isEmpty()) {
                        continue; // installs only local paths or wheels built in another stage
                    }
                    List<GlobalOption> all = new ArrayList<>(options);
                    all.addAll(fileOptions);
                    String key = target.get().displayName() + "\n" + signature(all);
                    Group g = groups.computeIfAbsent(key, k -> new Group(target.get(), stage.rootImage().orElseThrow(),
                            all));
                    if (!g.stages.contains(stageLabel)) {
                        g.stages.add(stageLabel);
                    }
                    g.requirements.addAll(requirements);
                    g.constraints.addAll(constraints);
                    files.stream().filter(f -> !g.files.contains(f)).forEach(g.files::add);
                }
            }
            List<Installs> installs = new ArrayList<>();
            for (Group g : groups.values()) {
                installs.add(new Installs(g.target, g.image, g.stages, g.requirements, g.constraints, g.options,
                        g.files));
            }
            unfollowed.sort(java.util.Comparator.comparingInt(Unfollowed::line));
            return new Loaded(name, report, installs, unfollowed, errors);
        }

        /** The stage's base as a target, or empty (reported) when it cannot be analysed. */
        private Optional<Target> target(Stage stage) {
            if (stage.rootImage().isEmpty()) {
                if (stage.parent().isEmpty() && stage.from().equals("scratch")) {
                    unfollowed.add(new Unfollowed(stage.line(), "FROM " + stage.from(), "stage " + stage.label()
                            + " starts from scratch, which has no Python: its pip installs are not analysed"));
                }
                return Optional.empty(); // the reader reported why the image is not known
            }
            String image = stage.rootImage().get();
            try {
                return Optional.of(Target.forImage(image, stage.platform().orElse(null)));
            } catch (IllegalArgumentException e) {
                unfollowed.add(new Unfollowed(stage.line(), "FROM " + stage.from(), "stage " + stage.label()
                        + " is built on " + image + ", which wheelscout cannot analyse: "
                        + e.getMessage().lines().findFirst().orElse("") + "; its pip installs are not analysed"));
                return Optional.empty();
            }
        }

        /** The requirements file {@code f} names, read from the build context, or empty (reported). */
        private Optional<RequirementsFile> read(PipCommand pip, RequirementFile f) {
            if (f.content().isPresent()) {
                return Optional.of(RequirementsFile.parse(f.content().get(), name + ":" + pip.line() + " ("
                        + f.path() + ")", context, environment));
            }
            if (f.contextCandidates().isEmpty()) {
                return Optional.empty(); // the reader reported why it could not trace it
            }
            for (String candidate : f.contextCandidates()) {
                Path path;
                try {
                    path = context.resolve(candidate).normalize();
                } catch (InvalidPathException e) {
                    continue;
                }
                if (path.startsWith(context) && exists(path)) {
                    Path shown = shownContext == null ? Path.of(candidate) : shownContext.resolve(candidate);
                    return Optional.of(RequirementsFile.read(shown, environment, context, source));
                }
            }
            unfollowed.add(new Unfollowed(pip.line(), pip.command(), f.path() + " (" + f.origin() + ") is not in the"
                    + " build context " + (shownContext == null ? "." : shownContext.toString()) + " (looked for "
                    + String.join(", ", f.contextCandidates()) + "): its requirements are not analysed"));
            return Optional.empty();
        }

        /**
         * The options of {@code pip} that change what it picks, as requirements-file options: the {@code PIP_*}
         * variables first (pip reads its environment before its command line), then the command's own.
         */
        private List<GlobalOption> options(PipCommand pip) {
            Origin origin = new Origin(name, pip.line());
            List<GlobalOption> out = new ArrayList<>();
            Map<String, String> env = pip.environment();
            if (env.containsKey("PIP_NO_BINARY")) {
                out.add(new GlobalOption(origin, "--no-binary", env.get("PIP_NO_BINARY")));
            }
            if (env.containsKey("PIP_ONLY_BINARY")) {
                out.add(new GlobalOption(origin, "--only-binary", env.get("PIP_ONLY_BINARY")));
            }
            if (TRUE.contains(env.getOrDefault("PIP_PRE", "").toLowerCase(Locale.ROOT))) {
                out.add(new GlobalOption(origin, "--pre", null));
            }
            if (TRUE.contains(env.getOrDefault("PIP_PREFER_BINARY", "").toLowerCase(Locale.ROOT))) {
                out.add(new GlobalOption(origin, "--prefer-binary", null));
            }
            pip.noBinary().forEach(v -> out.add(new GlobalOption(origin, "--no-binary", v)));
            pip.onlyBinary().forEach(v -> out.add(new GlobalOption(origin, "--only-binary", v)));
            if (pip.pre()) {
                out.add(new GlobalOption(origin, "--pre", null));
            }
            if (pip.preferBinary()) {
                out.add(new GlobalOption(origin, "--prefer-binary", null));
            }
            List<String> indexes = new ArrayList<>();
            pip.indexUrl().ifPresent(indexes::add);
            indexes.addAll(pip.extraIndexUrls());
            for (String key : List.of("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "UV_INDEX_URL", "UV_DEFAULT_INDEX",
                    "UV_INDEX", "UV_EXTRA_INDEX_URL")) {
                if (env.containsKey(key)) {
                    indexes.add(env.get(key));
                }
            }
            if (!indexes.isEmpty()) {
                unfollowed.add(new Unfollowed(pip.line(), pip.command(), "pip asks " + String.join(", ", indexes)
                        + " here; wheelscout analyses against the index it is given (--index-url)"));
            }
            return out;
        }

        private static String signature(List<GlobalOption> options) {
            StringBuilder s = new StringBuilder();
            for (GlobalOption o : options) {
                if (Set.of("--no-binary", "--only-binary", "--pre", "--prefer-binary", "--all-releases",
                        "--only-final").contains(o.name())) {
                    s.append(o.name()).append('=').append(o.value()).append(';');
                }
            }
            return s.toString();
        }
    }
}
