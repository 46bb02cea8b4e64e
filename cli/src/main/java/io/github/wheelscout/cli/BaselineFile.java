package io.github.wheelscout.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.github.wheelscout.gate.Baseline;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.Specifier;
import io.github.wheelscout.version.SpecifierSet;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gate's baseline file: JSON, schema 1 (the README documents it).
 *
 * <pre>{@code
 * {
 *   "schema": 1,
 *   "accepted": [
 *     {"name": "pyarrow", "versions": ">=17,<18", "target": "python:3.12-alpine",
 *      "reason": "no musllinux wheel before 18; the image has the build tools", "expires": "2026-06-30"}
 *   ]
 * }
 * }</pre>
 *
 * Reading is strict, so that a typo never silently accepts or rejects a build: unknown or repeated fields, a bad
 * name, range or date are errors naming the file, line and column.
 */
final class BaselineFile {

    /** The schema version written in every baseline file. */
    static final int SCHEMA = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** PEP 508's project name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Set<String> ENTRY_FIELDS = Set.of("name", "versions", "target", "reason", "expires");

    private BaselineFile() {
    }

    /**
     * Reads the baseline in {@code file}.
     *
     * @throws IllegalArgumentException naming the file, line and column of what is wrong
     */
    static Baseline read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("baseline " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline " + file + ": cannot be read: " + e.getMessage());
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads a baseline document; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming the source, line and column of what is wrong
     */
    static Baseline parse(String json, String source) {
        try (JsonParser p = JSON.createParser(json)) {
            List<BaselineEntry> entries = null;
            expect(p, p.nextToken() == JsonToken.START_OBJECT, source, "a JSON object ({\"schema\": 1, \"accepted\":"
                    + " [...]})");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "schema" -> {
                        expect(p, value == JsonToken.VALUE_NUMBER_INT, source, "\"schema\" to be the number 1");
                        if (p.getIntValue() != SCHEMA) {
                            throw error(p, source, "schema " + p.getText() + " is not supported (this wheelscout"
                                    + " reads schema " + SCHEMA + ")");
                        }
                    }
                    case "accepted" -> {
                        expect(p, value == JsonToken.START_ARRAY, source, "\"accepted\" to be a list of entries");
                        entries = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            entries.add(entry(p, source, entries.size() + 1));
                        }
                    }
                    default -> throw error(p, source, "unknown field \"" + field + "\" (expected \"schema\" and"
                            + " \"accepted\")");
                }
            }
            if (p.nextToken() != null) {
                throw error(p, source, "unexpected content after the baseline object");
            }
            if (entries == null) {
                throw new IllegalArgumentException("baseline " + source + ": no \"accepted\" list");
            }
            return new Baseline(entries);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("baseline " + source + (at == null ? "" : ":" + at.getLineNr() + ":"
                    + at.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline " + source + ": " + e.getMessage());
        }
    }

    private static BaselineEntry entry(JsonParser p, String source, int number) throws IOException {
        String where = "entry " + number;
        expect(p, p.currentToken() == JsonToken.START_OBJECT, source, where + " to be an object");
        JsonLocation start = p.currentTokenLocation();
        String name = null;
        SpecifierSet versions = null;
        String target = null;
        String reason = null;
        LocalDate expires = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!ENTRY_FIELDS.contains(field)) {
                throw error(p, source, where + ": unknown field \"" + field
                        + "\" (expected name, versions, target, reason, expires)");
            }
            if (value == JsonToken.VALUE_NULL && !field.equals("name") && !field.equals("reason")) {
                continue;
            }
            expect(p, value == JsonToken.VALUE_STRING, source, where + ": \"" + field + "\" to be a string");
            String text = p.getText();
            switch (field) {
                case "name" -> {
                    if (!NAME.matcher(text).matches()) {
                        throw error(p, source, where + ": \"" + text + "\" is not a valid project name");
                    }
                    name = text;
                }
                case "versions" -> {
                    try {
                        versions = text.isBlank() ? null : SpecifierSet.parse(text);
                        Optional<Specifier> incomparable = versions == null ? Optional.empty()
                                : versions.incomparable();
                        if (incomparable.isPresent()) {
                            throw new IllegalArgumentException("the version of '" + incomparable.get()
                                    + "' is not a PEP 440 version, so no version can be compared with it");
                        }
                    } catch (IllegalArgumentException e) {
                        throw error(p, source, where + ": \"versions\" is not a PEP 440 specifier set: "
                                + e.getMessage());
                    }
                }
                case "target" -> {
                    if (text.isBlank()) {
                        throw error(p, source, where + ": \"target\" is empty (use \"*\" for every target)");
                    }
                    target = text.strip();
                }
                case "reason" -> {
                    if (text.isBlank()) {
                        throw error(p, source, where + ": \"reason\" is empty: say why the build is accepted");
                    }
                    reason = text;
                }
                case "expires" -> {
                    try {
                        expires = LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        throw error(p, source, where + ": \"expires\" is not a date YYYY-MM-DD: \"" + text + "\"");
                    }
                }
                default -> throw new IllegalStateException(field);
            }
        }
        String at = "baseline " + source + ":" + start.getLineNr() + ":" + start.getColumnNr() + ": " + where;
        if (name == null) {
            throw new IllegalArgumentException(at + ": no \"name\"");
        }
        if (reason == null) {
            throw new IllegalArgumentException(at + " (" + name + "): no \"reason\": say why the build is accepted");
        }
        return new BaselineEntry(ProjectName.of(name), versions, target, reason, expires);
    }

    private static void expect(JsonParser p, boolean ok, String source, String what) {
        if (!ok) {
            throw error(p, source, "expected " + what);
        }
    }

    private static IllegalArgumentException error(JsonParser p, String source, String message) {
        JsonLocation at = p.currentTokenLocation();
        return new IllegalArgumentException("baseline " + source + ":" + at.getLineNr() + ":" + at.getColumnNr()
                + ": " + message);
    }

    /** Writes {@code baseline} to {@code file}, replacing it whole (written beside it first, then moved). */
    static void write(Baseline baseline, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, ".wheelscout-baseline", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                write(baseline, out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code baseline} as a pretty-printed document. */
    static void write(Baseline baseline, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schema", SCHEMA);
            g.writeArrayFieldStart("accepted");
            for (BaselineEntry e : baseline.entries()) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** One entry: {@code name}, then {@code versions}, {@code target}, {@code expires} when set, {@code reason}. */
    static void writeEntry(JsonGenerator g, BaselineEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", e.name().value());
        if (e.versions() != null) {
            g.writeStringField("versions", e.versions().toString());
        }
        g.writeStringField("target", e.targetPattern());
        g.writeStringField("reason", e.reason());
        if (e.expires() != null) {
            g.writeStringField("expires", e.expires().toString());
        }
        g.writeEndObject();
    }
}
