package io.github.wheelscout.requirement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What pip reads from a requirements file ({@code pip install -r FILE}), as pip 26.2.1 reads it: the requirements
 * in order (those of {@code -r}/{@code -c} includes in place), the global options, and every line that could not
 * be read.
 *
 * <p>The format, as pip: a {@code #} at the start of a line or after whitespace starts a comment; a line ending in
 * {@code \} continues on the next; {@code ${NAME}} ({@code NAME} of {@code A-Z 0-9 _}) is replaced by the
 * environment variable when set and not empty; after the requirement, options are split as a shell would. An
 * include is relative to the including file; a cycle of includes is an error (files compared by real path, so
 * symbolic links do not hide one), as are more than 100 nested includes, a file over 64 MiB, and an include over
 * {@code http(s)} (wheelscout never fetches one). Local paths and {@code -e} paths are resolved from the working
 * directory, as pip does. Byte order marks, PEP 263 coding lines and CRLF are handled.
 *
 * <p>Unlike pip, reading does not stop at the first bad line: each one becomes a {@link RequirementsFileError}
 * (file, line, column, what was expected) and the rest is still read. A requirement whose options are bad is kept
 * without them. Instances are immutable.
 */
public final class RequirementsFile {

    private final List<RequirementLine> requirements;
    private final List<GlobalOption> options;
    private final List<RequirementsFileError> errors;
    private final List<String> files;

    private RequirementsFile(RequirementsFileReader reader) {
        this(reader.requirements, reader.options, reader.errors, reader.files);
    }

    /**
     * A result made of these parts (for other readers of requirements, such as a pyproject.toml reader).
     */
    public RequirementsFile(List<RequirementLine> requirements, List<GlobalOption> options,
            List<RequirementsFileError> errors, List<String> files) {
        this.requirements = List.copyOf(requirements);
        this.options = List.copyOf(options);
        this.errors = List.copyOf(errors);
        this.files = List.copyOf(files);
    }

    /**
     * Reads {@code file} with the process environment for {@code ${VAR}} and the current directory for local
     * paths, as pip does. A file that cannot be opened is an error of the result, not an exception.
     */
    public static RequirementsFile read(Path file) {
        return read(file, System.getenv());
    }

    /** Reads {@code file}, expanding {@code ${VAR}} from {@code environment}. */
    public static RequirementsFile read(Path file, Map<String, String> environment) {
        return read(file, environment, Path.of(""));
    }

    /**
     * Reads {@code file}, expanding {@code ${VAR}} from {@code environment} and resolving local paths (a
     * requirement such as {@code ./pkg} or {@code -e .}) from {@code workingDirectory}, where pip would run.
     */
    public static RequirementsFile read(Path file, Map<String, String> environment, Path workingDirectory) {
        return read(file, environment, workingDirectory, FileSource.FILE_SYSTEM);
    }

    /**
     * Reads {@code file} and its includes from {@code source} (say, a git revision) instead of the file system;
     * otherwise as {@link #read(Path, Map, Path)}. Local paths and {@code -e} paths are still judged on the file
     * system, from {@code workingDirectory}.
     */
    public static RequirementsFile read(Path file, Map<String, String> environment, Path workingDirectory,
            FileSource source) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        RequirementsFileReader reader = new RequirementsFileReader(environment, workingDirectory, source);
        reader.readTop(file.toString(), file);
        return new RequirementsFile(reader);
    }

    /**
     * Reads {@code file} as {@link #read(Path, Map, Path, FileSource)} does, fetching its remote includes (pip's
     * {@code -r https://…}, and relative includes inside a remote file, joined to its URL) from {@code remote};
     * with a null {@code remote} they are refused, each an error on its line.
     */
    public static RequirementsFile read(Path file, Map<String, String> environment, Path workingDirectory,
            FileSource source, RemoteSource remote) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        RequirementsFileReader reader = new RequirementsFileReader(environment, workingDirectory, source, remote);
        reader.readTop(file.toString(), file);
        return new RequirementsFile(reader);
    }

    /**
     * Reads the remote requirements file at {@code url} (an {@code http:} or {@code https:} URL given where a file
     * name goes) and its includes, fetched from {@code remote}; with a null {@code remote}, the result is one
     * error saying it was refused.
     */
    public static RequirementsFile readUrl(String url, Map<String, String> environment, Path workingDirectory,
            RemoteSource remote) {
        Objects.requireNonNull(url, "url");
        RequirementsFileReader reader = new RequirementsFileReader(environment, workingDirectory,
                FileSource.FILE_SYSTEM, remote);
        reader.readTopRemote(url);
        return new RequirementsFile(reader);
    }

    /**
     * Where remote requirements files come from, when the user allows them: wheelscout's core does no network
     * I/O, so the caller fetches (the CLI with the index client's TLS, trusted-host and credential rules).
     */
    @FunctionalInterface
    public interface RemoteSource {

        /**
         * The bytes at {@code url} ({@code http:} or {@code https:}, credentials possibly in it). More than 64 MiB
         * is reported as too large; a source need not return more than that and one byte.
         *
         * @throws IOException when it cannot be fetched (reported with the message, which must show no credential)
         */
        byte[] fetch(String url) throws IOException;
    }

    /** Where a requirements file and its includes are read from: the file system, or elsewhere. */
    @FunctionalInterface
    public interface FileSource {

        /**
         * The file system. It reads at most one byte more than the largest requirements file accepted (64 MiB), so
         * that {@code -r /dev/zero} is an error, not an out-of-memory.
         */
        FileSource FILE_SYSTEM = path -> {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
                return in.readNBytes(RequirementsFileReader.MAX_FILE_BYTES + 1);
            }
        };

        /**
         * The bytes of the file at {@code path} (absolute, or as given for the top-level file). More than 64 MiB is
         * reported as too large; a source need not return more than that and one byte.
         *
         * @throws java.nio.file.NoSuchFileException when there is no such file (reported as pip reports it)
         * @throws IOException when it cannot be read (reported with the exception's message)
         */
        byte[] read(Path path) throws IOException;
    }

    /**
     * Reads {@code content} (standard input, a test) as the requirements file {@code displayName}; includes and
     * local paths are resolved from the current directory, and no variable is expanded.
     */
    public static RequirementsFile parse(String content, String displayName) {
        return parse(content, displayName, Path.of(""), Map.of());
    }

    /**
     * Reads {@code content} as the requirements file {@code displayName} in {@code directory} (includes and local
     * paths are resolved from there), expanding {@code ${VAR}} from {@code environment}.
     */
    public static RequirementsFile parse(String content, String displayName, Path directory,
            Map<String, String> environment) {
        RequirementsFileReader reader = new RequirementsFileReader(environment, directory, FileSource.FILE_SYSTEM);
        reader.parseTop(displayName, directory, content);
        return new RequirementsFile(reader);
    }

    /**
     * Reads {@code content}, bytes decoded as a file's are (a byte order mark, a PEP 263 {@code coding:} line, else
     * UTF-8; undecodable bytes are an error), as the requirements file {@code displayName} in {@code directory}
     * (standard input, say), expanding {@code ${VAR}} from {@code environment}.
     */
    public static RequirementsFile parse(byte[] content, String displayName, Path directory,
            Map<String, String> environment) {
        RequirementsFileReader reader = new RequirementsFileReader(environment, directory, FileSource.FILE_SYSTEM);
        reader.parseTop(displayName, directory, content);
        return new RequirementsFile(reader);
    }

    /** The requirements and constraints, in the order pip reads them (an include's where it is included). */
    public List<RequirementLine> requirements() {
        return requirements;
    }

    /** The global option lines ({@code --index-url}, {@code --pre}, ...), in order. */
    public List<GlobalOption> options() {
        return options;
    }

    /** Every line that could not be read, in order. */
    public List<RequirementsFileError> errors() {
        return errors;
    }

    /** Whether any line could not be read. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The files read, the top-level one first, then includes in the order read. */
    public List<String> files() {
        return files;
    }

    /** The index URL pip would use: the last {@code -i}/{@code --index-url}, if any. */
    public Optional<String> indexUrl() {
        List<String> values = values("--index-url");
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The {@code --extra-index-url} values, in order. */
    public List<String> extraIndexUrls() {
        return values("--extra-index-url");
    }

    /** The {@code -f}/{@code --find-links} values, in order. */
    public List<String> findLinks() {
        return values("--find-links");
    }

    /** The {@code --trusted-host} values, in order. */
    public List<String> trustedHosts() {
        return values("--trusted-host");
    }

    /** Whether {@code --no-index} was given. */
    public boolean noIndex() {
        return !values("--no-index").isEmpty();
    }

    /** Whether {@code --pre} was given: pre-releases are allowed for every project. */
    public boolean pre() {
        return !values("--pre").isEmpty();
    }

    /** Whether {@code --prefer-binary} was given. */
    public boolean preferBinary() {
        return !values("--prefer-binary").isEmpty();
    }

    private List<String> values(String option) {
        List<String> values = new ArrayList<>();
        for (GlobalOption o : options) {
            if (o.name().equals(option)) {
                values.add(o.value());
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "RequirementsFile" + files + ": " + requirements.size() + " requirements, " + options.size()
                + " options, " + errors.size() + " errors";
    }
}
