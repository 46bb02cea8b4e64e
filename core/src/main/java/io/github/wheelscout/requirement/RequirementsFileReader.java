package io.github.wheelscout.requirement;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonText;
import io.github.wheelscout.util.UrlRedaction;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files as pip 26.2.1's {@code req_file.py} and {@code constructors.py} do, but collects
 * every error instead of stopping at the first, and never fetches anything from the network. One instance reads
 * one top-level file and everything it includes.
 */
final class RequirementsFileReader {

    /** {@code ${NAME}}: the only form of variable pip expands. */
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
    /** PEP 263 coding declaration on one of the first two lines. */
    private static final Pattern CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");
    /** A requirement given with extras: {@code path[extra1,extra2]}. */
    private static final Pattern EXTRAS_SUFFIX = Pattern.compile("^(.+)(\\[[^\\]]+\\])$", Pattern.DOTALL);
    private static final Pattern EGG_FRAGMENT = Pattern.compile("[#&]egg=([^&]*)");
    private static final Pattern PROJECT_NAME =
            Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE_OR_FILE_URL = Pattern.compile("^(http|https|file):",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP_URL = Pattern.compile("^https?:", Pattern.CASE_INSENSITIVE);

    /** The URL schemes of pip's version-control support, in pip's order. */
    private static final List<String> VCS_SCHEMES = List.of("bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp",
            "bzr+ftp", "bzr+lp", "bzr+file", "git+http", "git+https", "git+ssh", "git+git", "git+file", "hg+file",
            "hg+http", "hg+https", "hg+ssh", "hg+static-http", "svn+ssh", "svn+http", "svn+https", "svn+svn",
            "svn+file");
    private static final List<String> VCS_NAMES = List.of("bzr", "git", "hg", "svn");
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file", "ftp");
    private static final List<String> ARCHIVE_EXTENSIONS = List.of(".zip", ".whl", ".tar.bz2", ".tbz", ".tar.gz",
            ".tgz", ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");
    private static final List<String> OPERATORS = List.of("~=", "==", "!=", "<=", ">=", "<", ">", "===");

    /**
     * The largest requirements file read, in bytes: far above any real one, so that {@code -r /dev/zero} or a
     * runaway generated file is an error, not an out-of-memory.
     */
    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    /**
     * The deepest chain of {@code -r}/{@code -c} includes followed. Real projects nest a few levels; pip itself
     * fails with a recursion error a few hundred levels down.
     */
    static final int MAX_INCLUDE_DEPTH = 100;

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final RequirementsFile.FileSource source;
    /** Fetches remote includes when the user allows them; null refuses them. */
    private final RequirementsFile.RemoteSource remote;
    /** The URL of the remote file being read, against which its relative includes are joined; null for a local one. */
    private String remoteBase;

    final List<RequirementLine> requirements = new ArrayList<>();
    final List<GlobalOption> options = new ArrayList<>();
    final List<RequirementsFileError> errors = new ArrayList<>();
    final List<String> files = new ArrayList<>();

    RequirementsFileReader(Map<String, String> environment, Path workingDirectory,
            RequirementsFile.FileSource source) {
        this(environment, workingDirectory, source, null);
    }

    RequirementsFileReader(Map<String, String> environment, Path workingDirectory,
            RequirementsFile.FileSource source, RequirementsFile.RemoteSource remote) {
        this.environment = environment;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.source = source;
        this.remote = remote;
    }

    /** A logical line: continuations joined, comment removed, stripped; {@code offset} is where it starts. */
    private record Logical(int line, String text, int offset) {
    }

    // ---- files -------------------------------------------------------------------------------------------------

    /** Reads the top-level file {@code name} at {@code path}. */
    void readTop(String name, Path path) {
        Map<Object, String> chain = new LinkedHashMap<>();
        chain.put(identity(path), null);
        readFile(name, path, false, chain, new Origin(name, 0));
    }

    /** Reads the remote file at {@code url} as a top-level file given on the command line. */
    void readTopRemote(String url) {
        includeRemote(new Origin("<command line>", 0), url, false, new LinkedHashMap<>());
    }

    /** Reads {@code content} as the top-level file {@code name}, whose includes are relative to {@code directory}. */
    void parseTop(String name, Path directory, String content) {
        Map<Object, String> chain = new LinkedHashMap<>();
        chain.put(identity(directory.resolve(name.isEmpty() ? "-" : safeFileName(name))), null);
        parseContent(name, absolute(directory), content, false, chain);
    }

    /** Reads {@code bytes}, decoded as a file's would be, as the top-level file {@code name} in {@code directory}. */
    void parseTop(String name, Path directory, byte[] bytes) {
        parseTop(name, directory, bytes.length > MAX_FILE_BYTES ? tooLarge(name, new Origin(name, 0), false)
                : decode(bytes, name));
    }

    private String tooLarge(String name, Origin origin, boolean constraint) {
        errors.add(new RequirementsFileError(origin, 0, "Could not read " + kind(constraint) + " file " + name
                + ": it is larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
        return "";
    }

    /**
     * What identifies a file in a chain of includes: its real path when it exists, so that symbolic links and
     * other spellings of one file are one file (a cycle through them is found, not followed forever).
     */
    private Path identity(Path path) {
        Path absolute = absolute(path);
        try {
            return absolute.toRealPath();
        } catch (IOException | SecurityException e) {
            return absolute;
        }
    }

    private static String safeFileName(String name) {
        try {
            return Path.of(name).getFileName() == null ? "-" : Path.of(name).getFileName().toString();
        } catch (InvalidPathException e) {
            return "-";
        }
    }

    private void readFile(String name, Path path, boolean constraint, Map<Object, String> chain, Origin includedFrom) {
        byte[] bytes;
        try {
            bytes = source.read(path);
        } catch (NoSuchFileException e) {
            errors.add(new RequirementsFileError(includedFrom, 0, "Could not open " + kind(constraint)
                    + " file: no such file: " + name));
            return;
        } catch (IOException | RuntimeException e) {
            errors.add(new RequirementsFileError(includedFrom, 0, "Could not open " + kind(constraint)
                    + " file " + name + ": " + e));
            return;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            tooLarge(name, includedFrom, constraint);
            return;
        }
        String content = decode(bytes, name);
        Path parent = absolute(path).getParent();
        String outer = remoteBase;
        remoteBase = null;
        try {
            parseContent(name, parent == null ? workingDirectory : parent, content, constraint, chain);
        } finally {
            remoteBase = outer;
        }
    }

    private static String kind(boolean constraint) {
        return constraint ? "constraint" : "requirements";
    }

    /**
     * The text of a requirements file, as pip decodes it: a BOM names the encoding; else a PEP 263
     * {@code coding:} comment on one of the first two lines; else UTF-8. Undecodable bytes are an error (pip
     * would guess the locale's encoding) and are replaced, so that the good lines still count.
     */
    private String decode(byte[] data, String name) {
        Object[][] boms = {
            {new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8},
            {new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, Charset.forName("UTF-32LE")},
            {new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, Charset.forName("UTF-32BE")},
            {new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE},
            {new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE},
        };
        for (Object[] bom : boms) {
            byte[] mark = (byte[]) bom[0];
            if (startsWith(data, mark)) {
                return decode(data, mark.length, (Charset) bom[1], name);
            }
        }
        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart < data.length; line++) {
            int end = lineStart;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (data[lineStart] == '#') {
                Matcher m = CODING.matcher(new String(data, lineStart, end - lineStart, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    Charset charset = charset(m.group(1));
                    if (charset != null) {
                        return decode(data, 0, charset, name);
                    }
                    errors.add(new RequirementsFileError(new Origin(name, line + 1), 0,
                            "unknown encoding in coding declaration: " + m.group(1) + " (read as UTF-8)"));
                    break;
                }
            }
            lineStart = end + 1;
        }
        return decode(data, 0, StandardCharsets.UTF_8, name);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset charset(String pythonName) {
        String n = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf8":
            case "utf-8":
            case "u8":
                return StandardCharsets.UTF_8;
            case "latin-1":
            case "latin1":
            case "iso-8859-1":
            case "iso8859-1":
            case "l1":
                return StandardCharsets.ISO_8859_1;
            case "ascii":
            case "us-ascii":
                return StandardCharsets.US_ASCII;
            default:
                try {
                    return Charset.forName(n);
                } catch (IllegalArgumentException e) {
                    return null;
                }
        }
    }

    private String decode(byte[] data, int offset, Charset charset, String name) {
        ByteBuffer bytes = ByteBuffer.wrap(data, offset, data.length - offset);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(data, offset, data.length - offset, charset);
            int bad = lenient.indexOf('\uFFFD');
            int line = bad < 0 ? 0 : PythonText.splitLines(lenient.substring(0, bad) + "x").size();
            errors.add(new RequirementsFileError(new Origin(name, line), 0,
                    "not valid " + charset.name() + " (undecodable bytes replaced by U+FFFD)"));
            return lenient;
        }
    }

    private Path absolute(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    // ---- lines ---------------------------------------------------------------------------------------------

    private void parseContent(String name, Path directory, String content, boolean constraint,
            Map<Object, String> chain) {
        files.add(name);
        for (Logical logical : preprocess(content)) {
            Origin origin = new Origin(name, logical.line());
            handleLine(origin, logical, directory, constraint, chain);
        }
    }

    /** pip's {@code preprocess}: join continuations, remove comments and blank lines, expand variables. */
    private List<Logical> preprocess(String content) {
        List<String> lines = PythonText.splitLines(content);
        List<int[]> numbers = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        StringBuilder pending = null;
        int primary = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean comment = isCommentLine(line);
            if (!line.endsWith("\\") || comment) {
                if (comment) {
                    line = " " + line; // so that the comment is removed below even when joined
                }
                if (pending != null) {
                    pending.append(line);
                    joined.add(pending.toString());
                    numbers.add(new int[] {primary});
                    pending = null;
                } else {
                    joined.add(line);
                    numbers.add(new int[] {i + 1});
                }
            } else {
                if (pending == null) {
                    primary = i + 1;
                    pending = new StringBuilder();
                }
                pending.append(stripBackslashes(line));
            }
        }
        if (pending != null) {
            joined.add(pending.toString());
            numbers.add(new int[] {primary});
        }
        List<Logical> logical = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            String line = removeComment(joined.get(i));
            int start = PythonText.stripStart(line, 0, line.length());
            int end = PythonText.stripEnd(line, start, line.length());
            if (start < end) {
                logical.add(new Logical(numbers.get(i)[0], expandVariables(line.substring(start, end)), start));
            }
        }
        return logical;
    }

    /** pip's {@code COMMENT_RE.match}: the line is whitespace, then {@code #}. */
    private static boolean isCommentLine(String line) {
        int i = PythonText.stripStart(line, 0, line.length());
        return i < line.length() && line.charAt(i) == '#';
    }

    /** {@code COMMENT_RE.sub("", line)}: cut at the first {@code #} that starts the line or follows whitespace. */
    private static String removeComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || PythonText.isWhitespace(line.charAt(i - 1)))) {
                int start = i;
                while (start > 0 && PythonText.isWhitespace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(0, start);
            }
        }
        return line;
    }

    /** Python's {@code line.strip("\\")}: backslashes removed from both ends. */
    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    /** {@code ${NAME}} replaced by the variable's value when it is set and not empty, as pip does. */
    private String expandVariables(String line) {
        Matcher m = ENV_VAR.matcher(line);
        List<String[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new String[] {m.group(), m.group(1)});
        }
        for (String[] variable : found) {
            String value = environment.get(variable[1]);
            if (value != null && !value.isEmpty()) {
                line = line.replace(variable[0], value);
            }
        }
        return line;
    }

    private void handleLine(Origin origin, Logical logical, Path directory, boolean constraint,
            Map<Object, String> chain) {
        String line = logical.text();
        // pip's break_args_options: the requirement runs up to the first space-separated word starting with '-'.
        int optionsStart = -1;
        for (int i = 0; i < line.length(); i++) {
            if ((i == 0 || line.charAt(i - 1) == ' ') && line.charAt(i) == '-') {
                optionsStart = i;
                break;
            }
        }
        String args = optionsStart < 0 ? line : line.substring(0, Math.max(0, optionsStart - 1));
        String optionText = optionsStart < 0 ? "" : line.substring(optionsStart);

        LineOptions opts = null;
        try {
            opts = LineOptions.parse(Shlex.split(optionText));
        } catch (IllegalArgumentException e) {
            error(origin, logical, optionsStart, "could not split options: " + optionText + " (" + e.getMessage()
                    + ")");
        } catch (LineOptions.OptionError e) {
            int at = line.indexOf(e.word, Math.max(optionsStart, 0));
            error(origin, logical, at, e.getMessage());
        }

        List<String> editables = opts == null ? List.of() : opts.values(LineOptions.Option.EDITABLE);
        String requirement = !args.isEmpty() ? args : editables.isEmpty() ? null : editables.get(0);
        int requirementColumn = !args.isEmpty() ? 0 : editables.isEmpty() ? -1 : line.indexOf(editables.get(0));
        if (requirement != null) {
            boolean editable = !editables.isEmpty();
            List<String> hashes = new ArrayList<>();
            Map<String, List<String>> settings = new LinkedHashMap<>();
            if (opts != null) {
                if (!editable) {
                    hashes.addAll(opts.values(LineOptions.Option.HASH));
                }
                for (String setting : opts.values(LineOptions.Option.CONFIG_SETTINGS)) {
                    int eq = setting.indexOf('=');
                    settings.computeIfAbsent(setting.substring(0, eq), k -> new ArrayList<>())
                            .add(setting.substring(eq + 1));
                }
            }
            if (editable) {
                editable(origin, logical, requirement, requirementColumn, constraint, settings);
            } else {
                requirement(origin, logical, requirement, constraint, hashes, settings);
            }
            return;
        }
        if (opts == null) {
            return;
        }
        List<String> includes = opts.values(LineOptions.Option.REQUIREMENT);
        List<String> constraints = opts.values(LineOptions.Option.CONSTRAINT);
        if (!includes.isEmpty() || !constraints.isEmpty()) {
            // As pip: the first -r of the line wins over -c; the line's other options are not used.
            boolean nested = includes.isEmpty();
            include(origin, nested ? constraints.get(0) : includes.get(0), nested, directory, chain);
            return;
        }
        for (LineOptions.Occurrence occurrence : opts.occurrences) {
            if (occurrence.option() != LineOptions.Option.HASH
                    && occurrence.option() != LineOptions.Option.CONFIG_SETTINGS) {
                options.add(new GlobalOption(origin, occurrence.option().longName, occurrence.value()));
            }
        }
    }

    private void error(Origin origin, Logical logical, int indexInLine, String message) {
        int column = indexInLine < 0 ? 0
                : logical.offset() + logical.text().codePointCount(0, Math.min(indexInLine, logical.text().length()))
                        + 1;
        errors.add(new RequirementsFileError(origin, column, message));
    }

    // ---- includes --------------------------------------------------------------------------------------------

    private void include(Origin origin, String target, boolean constraint, Path directory, Map<Object, String> chain) {
        Path path;
        String name;
        if (isRemote(target)) {
            String url = remoteUrl(origin, target);
            if (url != null) {
                includeRemote(origin, url, constraint, chain);
            }
            return;
        }
        if (target.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                path = Path.of(URI.create(target));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                errors.add(new RequirementsFileError(origin, 0, "not a local file URL: " + target));
                return;
            }
            name = path.toString();
        } else {
            try {
                path = directory.resolve(target).normalize();
            } catch (InvalidPathException e) {
                errors.add(new RequirementsFileError(origin, 0, "not a valid path: " + PythonRepr.of(target)));
                return;
            }
            name = path.toString();
        }
        Map<Object, String> nested = enter(origin, name, identity(path), chain);
        if (nested != null) {
            readFile(name, path, constraint, nested, origin);
        }
    }

    /**
     * The chain with {@code key} (a local file's real path, a remote file's URL) added, or null, reported, when
     * following it would go too deep or round a cycle.
     */
    private Map<Object, String> enter(Origin origin, String name, Object key, Map<Object, String> chain) {
        if (chain.size() > MAX_INCLUDE_DEPTH) {
            errors.add(new RequirementsFileError(origin, 0, "not following " + name + ": more than "
                    + MAX_INCLUDE_DEPTH + " nested -r/-c includes"));
            return null;
        }
        if (chain.containsKey(key)) {
            String first = chain.get(key);
            errors.add(new RequirementsFileError(origin, 0, name + " recursively references itself in "
                    + origin.file() + (first != null ? " and again in " + first : "")));
            return null;
        }
        Map<Object, String> nested = new LinkedHashMap<>(chain);
        nested.put(key, origin.file());
        return nested;
    }

    /**
     * Whether an include names a remote file, as pip decides: an {@code http(s):} URL, or, inside a remote file,
     * a relative path.
     */
    private boolean isRemote(String target) {
        return HTTP_URL.matcher(target).find() || (remoteBase != null
                && !REMOTE_OR_FILE_URL.matcher(target).find() && !isAbsolutePath(target));
    }

    /**
     * The URL of the remote include {@code target}: itself, or joined to the including file's URL; null, reported,
     * when it cannot be joined.
     */
    private String remoteUrl(Origin origin, String target) {
        if (HTTP_URL.matcher(target).find()) {
            return target;
        }
        try {
            return new URI(remoteBase).resolve(new URI(null, null, target.replace('\\', '/'), null)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            errors.add(new RequirementsFileError(origin, 0, "not a valid path: " + PythonRepr.of(target)));
            return null;
        }
    }

    private static boolean isAbsolutePath(String target) {
        try {
            return Path.of(target).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** pip's {@code -r https://…}: fetched only when the user allows it, else refused with what to do instead. */
    private void includeRemote(Origin origin, String url, boolean constraint, Map<Object, String> chain) {
        String name = UrlRedaction.text(url);
        if (remote == null) {
            errors.add(new RequirementsFileError(origin, 0, "refused to fetch remote " + kind(constraint) + " file "
                    + name + ": remote files are read only with --allow-remote-requirements (or download it and"
                    + " name the copy)"));
            return;
        }
        URI key;
        try {
            key = new URI(url).normalize();
        } catch (URISyntaxException e) {
            errors.add(new RequirementsFileError(origin, 0, "not a valid URL: " + PythonRepr.of(name)));
            return;
        }
        Map<Object, String> nested = enter(origin, name, key, chain);
        if (nested == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = remote.fetch(url);
        } catch (IOException | RuntimeException e) {
            errors.add(new RequirementsFileError(origin, 0, "Could not fetch " + kind(constraint) + " file " + name
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            return;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            tooLarge(name, origin, constraint);
            return;
        }
        String content = decode(bytes, name);
        String outer = remoteBase;
        remoteBase = url;
        try {
            parseContent(name, workingDirectory, content, constraint, nested);
        } finally {
            remoteBase = outer;
        }
    }

    // ---- requirements ------------------------------------------------------------------------------------------

    /** pip's {@code parse_req_from_line}: a PEP 508 requirement, a URL, or a local path or archive. */
    private void requirement(Origin origin, Logical logical, String text, boolean constraint, List<String> hashes,
            Map<String, List<String>> settings) {
        boolean url = isUrl(text);
        String separator = url ? "; " : ";";
        int split = text.indexOf(separator);
        String namePart = split < 0 ? text : text.substring(0, split);
        Marker marker = null;
        if (split >= 0) {
            String markerText = text.substring(split + separator.length());
            int start = PythonText.stripStart(markerText, 0, markerText.length());
            String stripped = PythonText.strip(markerText);
            if (!stripped.isEmpty()) {
                try {
                    marker = Marker.parse(stripped);
                } catch (InvalidMarkerException e) {
                    int at = split + separator.length() + start
                            + stripped.offsetByCodePoints(0, Math.min(e.start(), stripped.codePointCount(0,
                                    stripped.length())));
                    error(origin, logical, at, "Invalid requirement: " + PythonRepr.of(PythonText.strip(namePart))
                            + ": " + e.reason());
                    return;
                }
            }
        }
        int nameOffset = PythonText.stripStart(namePart, 0, namePart.length());
        namePart = PythonText.strip(namePart);

        String link = null;
        Set<String> extras = Set.of();
        if (isUrl(namePart)) {
            link = namePart;
        } else {
            Path path = localPath(namePart);
            if (path != null) {
                Matcher m = EXTRAS_SUFFIX.matcher(path.toString());
                Path withoutExtras = path;
                if (m.matches()) {
                    withoutExtras = Path.of(m.group(1).stripTrailing());
                    extras = convertExtras(m.group(2));
                }
                try {
                    link = urlFromPath(withoutExtras, namePart);
                } catch (IllegalArgumentException e) {
                    error(origin, logical, 0, e.getMessage());
                    return;
                }
            }
        }

        String requirementText;
        if (link != null) {
            try {
                requirementText = nameFromLink(link);
            } catch (IllegalArgumentException e) {
                error(origin, logical, 0, e.getMessage());
                return;
            }
        } else {
            requirementText = namePart;
        }

        Requirement req = null;
        if (requirementText != null) {
            try {
                req = Requirement.parse(requirementText);
            } catch (InvalidRequirementException e) {
                int at = -1;
                if (requirementText.equals(namePart) && e.start() >= 0) {
                    at = nameOffset + namePart.offsetByCodePoints(0, e.start());
                }
                error(origin, logical, at, invalidRequirement(requirementText, e));
                return;
            }
            Optional<String> unmatchable = req.unmatchableReason();
            if (unmatchable.isPresent()) {
                error(origin, logical, -1, unmatchable.get());
                return;
            }
        }
        if (link == null && req != null && req.url().isPresent()) {
            link = req.url().get();
        }
        if (extras.isEmpty() && req != null) {
            extras = req.extras();
        }
        if (marker == null && req != null) {
            marker = req.marker().orElse(null);
        }
        requirements.add(new RequirementLine(origin, text, req == null ? null : req.name(), new TreeSet<>(extras),
                req == null ? SpecifierSet.empty() : req.specifier(), marker, link, false, constraint, hashes,
                settings));
    }

    /** pip's message for a requirement packaging rejects, with pip's hints. */
    private String invalidRequirement(String text, InvalidRequirementException e) {
        String message = "Invalid requirement: " + PythonRepr.of(text) + ": " + e.reason();
        if (text.contains("/")) {
            Path path = localPath(text);
            boolean exists = path != null && Files.exists(path);
            message += " (hint: it looks like a path; " + (exists ? "the path exists"
                    : "file " + PythonRepr.of(text) + " does not exist") + ")";
        } else if (text.contains("=") && OPERATORS.stream().noneMatch(text::contains)) {
            message += " (hint: = is not a valid operator. Did you mean == ?)";
        }
        return message;
    }

    /** pip's {@code parse_editable}: {@code name @ url}, a local directory, or a VCS URL with {@code #egg=}. */
    private void editable(Origin origin, Logical logical, String text, int column, boolean constraint,
            Map<String, List<String>> settings) {
        if (constraint) {
            error(origin, logical, column, "Editable requirements are not allowed as constraints");
            return;
        }
        String name = null;
        String url;
        Set<String> extras = Set.of();
        Marker marker = null;
        Requirement direct = null;
        try {
            direct = Requirement.parse(text);
        } catch (InvalidRequirementException notPep508) {
            // pip's own editable syntax, below
        }
        if (direct != null && direct.url().isPresent()) {
            name = direct.name();
            url = direct.url().get();
            extras = direct.extras();
            marker = direct.marker().orElse(null);
        } else {
            Matcher m = EXTRAS_SUFFIX.matcher(text);
            String withoutExtras = text;
            if (m.matches()) {
                withoutExtras = m.group(1).stripTrailing();
                extras = convertExtras(m.group(2));
            }
            Path dir = localPath(withoutExtras);
            if (dir != null && Files.isDirectory(dir)) {
                withoutExtras = pathToUrl(dir);
            }
            try {
                if (withoutExtras.toLowerCase(Locale.ROOT).startsWith("file:")) {
                    url = withoutExtras;
                    name = eggFragment(url);
                } else {
                    url = text;
                    for (String vcs : VCS_NAMES) {
                        if (url.toLowerCase(Locale.ROOT).startsWith(vcs + ":")) {
                            url = vcs + "+" + url;
                            break;
                        }
                    }
                    extras = Set.of();
                    name = eggFragment(url);
                }
            } catch (IllegalArgumentException e) {
                error(origin, logical, column, e.getMessage());
                return;
            }
        }
        if (!VCS_SCHEMES.contains(scheme(url)) && !url.startsWith("file:")) {
            error(origin, logical, column, text + " is not a valid editable requirement. It should either be a path"
                    + " to a local project or a VCS URL (beginning with " + String.join(", ", VCS_SCHEMES) + ").");
            return;
        }
        if (name == null && !url.startsWith("file:")) {
            error(origin, logical, column, "Could not detect requirement name for " + PythonRepr.of(text)
                    + ", please specify one with your_package_name @ URL");
            return;
        }
        SpecifierSet specifier = SpecifierSet.empty();
        if (name != null) {
            try {
                Requirement named = Requirement.parse(name);
                name = named.name();
                specifier = named.specifier();
            } catch (InvalidRequirementException e) {
                error(origin, logical, column, "Invalid requirement: " + PythonRepr.of(name) + ": " + e.reason());
                return;
            }
        }
        requirements.add(new RequirementLine(origin, text, name, new TreeSet<>(extras), specifier, marker, url, true,
                false, List.of(), settings));
    }

    /** pip's {@code _convert_extras}: the bracketed extras of a path, lower-cased. */
    private static Set<String> convertExtras(String bracketed) {
        try {
            return Requirement.parse("placeholder" + bracketed.toLowerCase(Locale.ROOT)).extras();
        } catch (InvalidRequirementException e) {
            return Set.of();
        }
    }

    /**
     * pip's {@code _get_url_from_path}: the {@code file:} URL of a local directory or archive, or null when the
     * text is a requirement rather than a path.
     */
    private String urlFromPath(Path path, String name) {
        if (looksLikePath(name) && Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("pyproject.toml")) || Files.isRegularFile(path.resolve("setup.py"))) {
                return pathToUrl(path);
            }
            throw new IllegalArgumentException("Directory " + PythonRepr.of(name) + " is not installable. Neither"
                    + " 'setup.py' nor 'pyproject.toml' found.");
        }
        if (!isArchive(path.toString())) {
            return null;
        }
        if (Files.isRegularFile(path)) {
            return pathToUrl(path);
        }
        int at = name.indexOf('@');
        if (at >= 0 && !looksLikePath(name.substring(0, at))) {
            return null; // name @ url
        }
        return pathToUrl(path); // pip warns that the file does not exist, and goes on
    }

    private static boolean looksLikePath(String name) {
        return name.contains("/") || name.startsWith(".");
    }

    private static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length()) {
            return false;
        }
        String ext = base.substring(dot);
        if (base.substring(0, dot).endsWith(".tar")) {
            ext = ".tar" + ext;
        }
        return ARCHIVE_EXTENSIONS.contains(ext);
    }

    /** The absolute, normalised path {@code text} names from the working directory, or null if it cannot be one. */
    private Path localPath(String text) {
        try {
            return workingDirectory.resolve(text).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** pip's {@code path_to_url}: {@code file://} and the absolute path, percent-encoded except {@code /}. */
    static String pathToUrl(Path path) {
        StringBuilder out = new StringBuilder("file://");
        byte[] bytes = path.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * What pip names a link's requirement: {@code name==version} from a wheel's file name, else the
     * {@code #egg=} fragment, else null (an unnamed requirement).
     */
    private static String nameFromLink(String link) {
        String path = link;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String schemeless = path.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
        while (schemeless.endsWith("/")) {
            schemeless = schemeless.substring(0, schemeless.length() - 1);
        }
        String filename = java.net.URLDecoder.decode(schemeless.substring(schemeless.lastIndexOf('/') + 1)
                .replace("+", "%2B"), StandardCharsets.UTF_8);
        if (filename.endsWith(".whl")) {
            String[] parts = filename.substring(0, filename.length() - 4).split("-", -1);
            Version version = parts.length == 5 || parts.length == 6 ? Version.tryParse(parts[1]).orElse(null) : null;
            if (version == null || !parts[0].matches("[A-Za-z0-9._]+") || parts[0].contains("__")) {
                throw new IllegalArgumentException("Invalid wheel filename: " + PythonRepr.of(filename));
            }
            return ProjectName.normalize(parts[0]) + "==" + version;
        }
        return eggFragment(link);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The project named by a link's {@code #egg=} fragment, or null; an invalid one is an error, as in pip. */
    private static String eggFragment(String url) {
        Matcher m = EGG_FRAGMENT.matcher(url);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        if (!PROJECT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + PythonRepr.of(name) + " egg fragment of " + url
                    + " is invalid: it must be a PEP 508 project name");
        }
        return name;
    }

    /** pip's {@code is_url}: the text has a URL scheme pip knows (http, https, file, ftp, or a VCS scheme). */
    static boolean isUrl(String text) {
        String scheme = scheme(text);
        return !scheme.isEmpty() && (URL_SCHEMES.contains(scheme) || VCS_SCHEMES.contains(scheme));
    }

    /** Python's {@code urlsplit(text).scheme}. */
    private static String scheme(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) <= ' ') {
            start++;
        }
        int colon = text.indexOf(':', start);
        if (colon <= start) {
            return "";
        }
        char first = text.charAt(start);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return "";
        }
        for (int i = start; i < colon; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '-' || c == '.' || c == '\t' || c == '\n' || c == '\r';
            if (!ok) {
                return "";
            }
        }
        return text.substring(start, colon).replaceAll("[\t\n\r]", "").toLowerCase(Locale.ROOT);
    }
}
