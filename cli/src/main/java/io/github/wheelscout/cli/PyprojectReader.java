package io.github.wheelscout.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.InvalidRequirementException;
import io.github.wheelscout.requirement.Origin;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.util.PythonRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the requirements of a {@code pyproject.toml}: {@code [project] dependencies}, every list of
 * {@code [project.optional-dependencies]} and every PEP 735 {@code [dependency-groups]} group, in that order, as
 * {@link RequirementLine}s like those of a requirements file. A group's {@code {include-group = "..."}} entries
 * are checked (the group must exist, no cycle) but not copied: each requirement is listed once, where it is
 * written. A requirement's origin is its line in the file (found by looking for its string after its key), or
 * line 0 with the key path when it cannot be found. Bad entries are errors; the others are kept.
 */
public final class PyprojectReader {

    private static final TomlMapper TOML = new TomlMapper();

    private final String name;
    private final String text;
    private final List<RequirementLine> requirements = new ArrayList<>();
    private final List<RequirementsFileError> errors = new ArrayList<>();
    /** Where the search for the next string starts; strings are looked for in file order. */
    private int searchFrom;

    private PyprojectReader(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Reads the file at {@code path}; a file that cannot be read or parsed is an error of the result. */
    public static RequirementsFile read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return failed(name, "could not open pyproject file: no such file: " + name);
        } catch (IOException e) {
            return failed(name, "could not read pyproject file " + name + ": " + e.getMessage());
        }
        return parse(text, name);
    }

    /** Reads {@code text} as the pyproject.toml called {@code name}. */
    public static RequirementsFile parse(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
            int column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
            return new RequirementsFile(List.of(), List.of(), List.of(new RequirementsFileError(new Origin(name, line),
                    column, "not valid TOML: " + e.getOriginalMessage())), List.of(name));
        }
        PyprojectReader reader = new PyprojectReader(name, text);
        reader.read(root == null ? TOML.createObjectNode() : root);
        return new RequirementsFile(reader.requirements, List.of(), reader.errors, List.of(name));
    }

    private static RequirementsFile failed(String name, String message) {
        return new RequirementsFile(List.of(), List.of(),
                List.of(new RequirementsFileError(new Origin(name, 0), 0, message)), List.of(name));
    }

    private void read(JsonNode root) {
        JsonNode project = root.get("project");
        if (project != null && !project.isObject()) {
            error("project", "[project] must be a table");
            project = null;
        }
        if (project != null) {
            JsonNode dependencies = project.get("dependencies");
            if (dependencies != null) {
                seek("[project]");
                seekKey("dependencies");
                readList(dependencies, "project.dependencies", null);
            }
            JsonNode optional = project.get("optional-dependencies");
            if (optional != null) {
                if (!optional.isObject()) {
                    error("project.optional-dependencies", "must be a table of extra name to list of requirements");
                } else {
                    seek("[project.optional-dependencies]");
                    for (Iterator<Map.Entry<String, JsonNode>> it = optional.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> extra = it.next();
                        seekKey(extra.getKey());
                        readList(extra.getValue(), "project.optional-dependencies." + extra.getKey(), null);
                    }
                }
            }
        }
        JsonNode groups = root.get("dependency-groups");
        if (groups != null) {
            if (!groups.isObject()) {
                error("dependency-groups", "[dependency-groups] must be a table of group name to list");
            } else {
                readGroups(groups);
            }
        }
    }

    /** PEP 735: each group is a list of requirement strings and {@code {include-group = "name"}} tables. */
    private void readGroups(JsonNode groups) {
        seek("[dependency-groups]");
        Map<String, String> byNormalName = new LinkedHashMap<>();
        Map<String, List<String>> includes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            String normal = ProjectName.normalize(group.getKey());
            String previous = byNormalName.putIfAbsent(normal, group.getKey());
            if (previous != null) {
                error("dependency-groups." + group.getKey(), "dependency group " + quote(group.getKey())
                        + " has the same normalised name as " + quote(previous));
            }
            seekKey(group.getKey());
            List<String> included = new ArrayList<>();
            includes.put(normal, included);
            readList(group.getValue(), "dependency-groups." + group.getKey(), included);
        }
        for (Map.Entry<String, List<String>> group : includes.entrySet()) {
            for (String target : group.getValue()) {
                if (!includes.containsKey(ProjectName.normalize(target))) {
                    error("dependency-groups." + byNormalName.get(group.getKey()), "include-group "
                            + quote(target) + " names no dependency group");
                }
            }
            if (reachesItself(group.getKey(), group.getKey(), includes, new LinkedHashSet<>())) {
                error("dependency-groups." + byNormalName.get(group.getKey()), "dependency group "
                        + quote(byNormalName.get(group.getKey())) + " includes itself (an include-group cycle)");
            }
        }
    }

    private static boolean reachesItself(String start, String current, Map<String, List<String>> includes,
            Set<String> seen) {
        for (String target : includes.getOrDefault(current, List.of())) {
            String normal = ProjectName.normalize(target);
            if (normal.equals(start)) {
                return true;
            }
            if (seen.add(normal) && reachesItself(start, normal, includes, seen)) {
                return true;
            }
        }
        return false;
    }

    /** A list of requirement strings (and, in a dependency group, include tables collected in {@code includes}). */
    private void readList(JsonNode list, String keyPath, List<String> includes) {
        if (!list.isArray()) {
            error(keyPath, "must be an array of requirement strings");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = keyPath + "[" + i + "]";
            if (item.isTextual()) {
                requirement(item.asText(), itemPath);
            } else if (includes != null && item.isObject() && item.size() == 1 && item.has("include-group")
                    && item.get("include-group").isTextual()) {
                includes.add(item.get("include-group").asText());
            } else {
                error(itemPath, includes != null
                        ? "must be a requirement string or an {include-group = \"name\"} table"
                        : "must be a requirement string");
            }
        }
    }

    private void requirement(String value, String keyPath) {
        Origin origin = locate(value, keyPath);
        try {
            Requirement req = Requirement.parse(value);
            Optional<String> unmatchable = req.unmatchableReason();
            if (unmatchable.isPresent()) {
                errors.add(new RequirementsFileError(origin, 0, unmatchable.get()));
                return;
            }
            requirements.add(new RequirementLine(origin, value, req.name(), req.extras(), req.specifier(),
                    req.marker().orElse(null), req.url().orElse(null), false, false, List.of(), Map.of()));
        } catch (InvalidRequirementException e) {
            int column = e.start() < 0 || origin.line() == 0 ? 0 : stringColumn + e.start();
            errors.add(new RequirementsFileError(origin, column, "Invalid requirement: "
                    + PythonRepr.of(value) + ": " + e.reason()));
        }
    }

    private void error(String keyPath, String message) {
        errors.add(new RequirementsFileError(new Origin(name + " (" + keyPath + ")", 0), 0, message));
    }

    private static String quote(String s) {
        return PythonRepr.of(s);
    }

    // ---- locating strings in the text ---------------------------------------------------------------------

    /** The 1-based column after the opening quote of the string last located. */
    private int stringColumn;

    /** Moves the search past the table header {@code header}, if present. */
    private void seek(String header) {
        int at = text.indexOf(header);
        if (at >= 0) {
            searchFrom = at + header.length();
        }
    }

    /** Moves the search past the next {@code key =} (bare or quoted key). */
    private void seekKey(String key) {
        for (String spelled : new String[] {key, "\"" + key + "\"", "'" + key + "'"}) {
            int at = text.indexOf(spelled, searchFrom);
            while (at >= 0) {
                int after = at + spelled.length();
                while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                    after++;
                }
                int lineStart = at == 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
                boolean startOfLine = text.substring(lineStart, at).isBlank();
                if (after < text.length() && text.charAt(after) == '=' && startOfLine) {
                    searchFrom = after + 1;
                    return;
                }
                at = text.indexOf(spelled, at + 1);
            }
        }
    }

    /** The origin of the string {@code value}: its line, found after the current position, else the key path. */
    private Origin locate(String value, String keyPath) {
        for (char quote : new char[] {'"', '\''}) {
            String needle = quote + value + quote;
            int at = text.indexOf(needle, searchFrom);
            if (at >= 0 && value.indexOf('\\') < 0) {
                searchFrom = at + needle.length();
                int lineStart = text.lastIndexOf('\n', at) + 1;
                stringColumn = text.codePointCount(lineStart, at + 1) + 1;
                return new Origin(name, lineOf(at));
            }
        }
        return new Origin(name + " (" + keyPath + ")", 0);
    }

    private int lineOf(int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
