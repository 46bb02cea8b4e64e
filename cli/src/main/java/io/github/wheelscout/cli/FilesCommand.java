package io.github.wheelscout.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.cli.report.Json;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.pypi.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wheelscout files NAME}: every file the index lists for a project. */
@Command(
        name = "files",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists every file the index has for a project: filename, version, kind, size, "
                + "requires-python, yanked, upload time.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the project was found",
            "1:the index does not know the project",
            "2:bad usage or input",
            "3:an index error (the answer is unknown)",
        })
final class FilesCommand implements Callable<Integer> {

    /** pip's (PEP 508) project name rule. */
    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$");

    /** The output forms. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The project, in any spelling (Foo_Bar = foo-bar).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    IndexOptions index;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid project name");
        }
        ProjectName project = ProjectName.of(name);
        ProjectFiles files;
        try (IndexClient client = index.build()) {
            try {
                files = client.files(project);
            } catch (IOException e) {
                err.println("wheelscout: error: " + Redaction.text(e.getMessage()));
                err.flush();
                return ExitCodes.INDEX_ERROR;
            }
            if (format == Format.json) {
                out.print(json(files, client.describe()));
            } else if (files.found()) {
                out.print(text(files));
            }
            out.flush();
            if (!files.found()) {
                err.println("wheelscout: " + project + " was not found on " + client.describe());
                err.flush();
                return ExitCodes.FOUND;
            }
            return ExitCodes.OK;
        }
    }

    /** An aligned table and a summary line. */
    static String text(ProjectFiles files) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FILENAME", "VERSION", "KIND", "SIZE", "REQUIRES-PYTHON", "YANKED", "UPLOADED"});
        Set<String> versions = new LinkedHashSet<>();
        for (IndexFile f : files.files()) {
            versions.add(String.valueOf(f.version()));
            rows.add(new String[] {
                f.filename(),
                f.version() == null ? "?" : f.version(),
                f.kind().toString(),
                f.size().isPresent() ? Long.toString(f.size().getAsLong()) : "-",
                f.requiresPython() == null ? "-" : f.requiresPython(),
                f.yanked() ? (f.yankedReason() == null ? "yes" : "yes: " + f.yankedReason()) : "-",
                f.uploadTime() == null ? "-" : f.uploadTime().toString(),
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append(files.files().size()).append(" files, ").append(versions.size()).append(" versions of ")
                .append(files.name()).append(" from ").append(Redaction.text(files.source())).append('\n');
        return sb.toString();
    }

    /** The JSON document (schema 1, in the README). */
    static String json(ProjectFiles files, String index) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartObject();
            g.writeNumberField("schema", 1);
            g.writeStringField("project", files.name().value());
            g.writeBooleanField("found", files.found());
            g.writeStringField("index", Redaction.text(index));
            g.writeArrayFieldStart("files");
            for (IndexFile f : files.files()) {
                g.writeStartObject();
                g.writeStringField("filename", f.filename());
                g.writeStringField("version", f.version());
                g.writeStringField("kind", f.kind().toString());
                if (f.size().isPresent()) {
                    g.writeNumberField("size", f.size().getAsLong());
                } else {
                    g.writeNullField("size");
                }
                g.writeStringField("requires_python", f.requiresPython());
                g.writeBooleanField("yanked", f.yanked());
                g.writeStringField("yanked_reason", f.yankedReason());
                g.writeStringField("sha256", f.sha256());
                g.writeStringField("upload_time", f.uploadTime() == null ? null : f.uploadTime().toString());
                g.writeStringField("url", f.url() == null ? null : Redaction.url(f.url()));
                g.writeBooleanField("core_metadata", f.coreMetadata());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString() + "\n";
    }
}
