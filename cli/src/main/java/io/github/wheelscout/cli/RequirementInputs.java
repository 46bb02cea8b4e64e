package io.github.wheelscout.cli;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.pypi.RemoteFiles;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The requirement inputs the analysing commands share (a picocli mixin): requirements files ({@code -r}, also
 * {@code pyproject.toml}, {@code -} for standard input), constraints files ({@code -c}) and requirements on the
 * command line. Bad lines are collected, not thrown: the good ones are still analysed.
 */
public final class RequirementInputs {

    private static final Pattern REMOTE = Pattern.compile("^https?:", Pattern.CASE_INSENSITIVE);

    @Option(names = {"-r", "--requirement"}, paramLabel = "FILE",
            description = "A requirements file (pip's format), a pyproject.toml, or - for standard input"
                    + " (repeatable).")
    List<String> requirementFiles = new ArrayList<>();

    @Option(names = {"-c", "--constraint"}, paramLabel = "FILE",
            description = "A constraints file: limits versions of what is required, installs nothing (repeatable).")
    List<String> constraintFiles = new ArrayList<>();

    @Option(names = "--allow-remote-requirements",
            description = "Fetch remote requirements files (-r https://..., also inside files), as pip does; refused"
                    + " unless given. TLS is verified; plain HTTP only to localhost or a --trusted-host.")
    boolean allowRemote;

    @Parameters(paramLabel = "REQUIREMENT", arity = "0..*",
            description = "Requirements in PEP 508 form, e.g. 'numpy>=1.26' 'psycopg2==2.9.11'.")
    List<String> inline = new ArrayList<>();

    /**
     * Everything the inputs say.
     *
     * @param requirements what to analyse, in the order given
     * @param constraints  constraints, from {@code -c} files and {@code -c} lines inside requirements files
     * @param options      the options written in the files (index URLs, {@code --only-binary}, ...), in order
     * @param errors       every bad line or unreadable file, as {@code source: message}
     * @param files        every file read, includes too
     */
    public record Loaded(List<AnalysisRequirement> requirements, List<AnalysisRequirement> constraints,
            List<GlobalOption> options, List<RequirementsFileError> errors, List<String> files) {

        /** Whether nothing at all was given to analyse. */
        public boolean isEmpty() {
            return requirements.isEmpty();
        }
    }

    /** Whether any input was given. */
    public boolean isEmpty() {
        return requirementFiles.isEmpty() && constraintFiles.isEmpty() && inline.isEmpty();
    }

    /**
     * Reads every input, in the order: requirements files, then command-line requirements; then constraints.
     * Remote files are fetched, with {@code index}'s network settings, only with {@code --allow-remote-requirements}.
     */
    public Loaded load(IndexOptions index) {
        try (RemoteFiles remote = allowRemote ? index.remoteFiles() : null) {
            return load(System.in, index.environment(), remote);
        }
    }

    /** Reads every input, as {@link #load(IndexOptions)} does, refusing remote files. */
    public Loaded load(Map<String, String> environment) {
        return load(System.in, environment, null);
    }

    /** {@link #load(Map)}, reading {@code -} from {@code stdin} and remote files from {@code remote} (null: refused). */
    public Loaded load(InputStream stdin, Map<String, String> environment, RequirementsFile.RemoteSource remote) {
        List<AnalysisRequirement> requirements = new ArrayList<>();
        List<AnalysisRequirement> constraints = new ArrayList<>();
        List<GlobalOption> options = new ArrayList<>();
        List<RequirementsFileError> errors = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String file : requirementFiles) {
            RequirementsFile read = read(file, stdin, environment, remote);
            for (RequirementLine line : read.requirements()) {
                (line.constraint() ? constraints : requirements).add(AnalysisRequirement.from(line));
            }
            options.addAll(read.options());
            errors.addAll(read.errors());
            files.addAll(read.files());
        }
        int position = 0;
        for (String text : inline) {
            position++;
            try {
                requirements.add(AnalysisRequirement.of(Requirement.parse(text), null));
            } catch (IllegalArgumentException e) { // InvalidRequirementException, or a specifier nothing matches
                errors.add(new RequirementsFileError(new io.github.wheelscout.requirement.Origin(
                        "<command line argument " + position + ">", 0), 0, e.getMessage()));
            }
        }
        for (String file : constraintFiles) {
            RequirementsFile read = read(file, stdin, environment, remote);
            // Everything in a constraints file constrains, includes too (pip: "-c" lines are constraints).
            read.requirements().stream().map(AnalysisRequirement::from).forEach(constraints::add);
            options.addAll(read.options());
            errors.addAll(read.errors());
            files.addAll(read.files());
        }
        return new Loaded(requirements, constraints, options, errors, files);
    }

    /**
     * Reads one input file: {@code -} is standard input (a requirements file), a name ending in {@code .toml} a
     * pyproject.toml, anything else a requirements file. {@code ${VAR}} is expanded from {@code environment}.
     */
    static RequirementsFile read(String file, InputStream stdin, Map<String, String> environment,
            RequirementsFile.RemoteSource remote) {
        if (file.equals("-")) {
            String content;
            try {
                content = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read requirements from standard input: " + e.getMessage(), e);
            }
            return RequirementsFile.parse(content, "<stdin>", Path.of(""), environment);
        }
        if (REMOTE.matcher(file).find()) {
            return RequirementsFile.readUrl(file, environment, Path.of(""), remote);
        }
        Path path = Path.of(file);
        if (file.toLowerCase(Locale.ROOT).endsWith(".toml")) {
            return PyprojectReader.read(path);
        }
        return RequirementsFile.read(path, environment, Path.of(""), RequirementsFile.FileSource.FILE_SYSTEM, remote);
    }
}
