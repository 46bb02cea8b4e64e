package io.github.wheelscout.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.cli.report.Json;
import io.github.wheelscout.pypi.IndexClients;
import io.github.wheelscout.pypi.RemoteFiles;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.util.UrlRedaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wheelscout requirements FILE...}: prints what wheelscout reads from requirements files and
 * pyproject.toml files, requirement by requirement with its origin, and every line it could not read. URLs are
 * shown with their credentials redacted ({@code https://user:****@host/}), as everywhere.
 */
@Command(
        name = "requirements",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints what wheelscout reads from requirements files and pyproject.toml files.",
            "",
            "Requirements files are read as pip reads them (includes, options, continuations, $${VAR});"
                    + " pyproject.toml files for [project] dependencies, optional-dependencies and"
                    + " [dependency-groups]. Each requirement is printed with its file:line, then every line that"
                    + " could not be read. Exits with 2 when a line was bad, after printing the rest.",
        })
final class RequirementsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text, json
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Requirements file, or pyproject.toml (a file ending in .toml); - reads standard input as a"
                    + " requirements file.")
    List<String> files;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--allow-remote-requirements",
            description = "Fetch remote requirements files (-r https://...), as pip does; refused unless given.")
    boolean allowRemote;

    @Option(names = "--trusted-host", paramLabel = "HOST[:PORT]",
            description = "With --allow-remote-requirements: a host that may be reached over plain HTTP"
                    + " (repeatable).")
    List<String> trustedHosts = new ArrayList<>();

    /** Standard input, replaceable in tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        List<RequirementsFile> results = new ArrayList<>();
        Map<String, String> env = Main.environmentOf(spec);
        try (RemoteFiles remote = allowRemote ? remoteFiles(env) : null) {
            for (String file : files) {
                results.add(RequirementInputs.read(file, stdin, env, remote));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean bad = results.stream().anyMatch(RequirementsFile::hasErrors);
        if (format == Format.json) {
            writeJson(results, out);
        } else {
            writeText(results, out, err);
        }
        out.flush();
        err.flush();
        return bad ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private RemoteFiles remoteFiles(Map<String, String> env) {
        IndexClients.Builder network = IndexClients.builder().environment(env);
        trustedHosts.forEach(network::trustedHost);
        return network.remoteFiles();
    }

    private static void writeText(List<RequirementsFile> results, PrintWriter out, PrintWriter err) {
        for (RequirementsFile result : results) {
            for (RequirementLine line : result.requirements()) {
                out.println(line.origin() + "  " + describe(line));
            }
            for (GlobalOption option : result.options()) {
                out.println(option.origin() + "  option " + option);
            }
        }
        for (RequirementsFile result : results) {
            for (RequirementsFileError error : result.errors()) {
                err.println("wheelscout: error: " + error);
            }
        }
    }

    /** {@code name[extras]specifier ; marker @ url}, then what kind of requirement it is. */
    static String describe(RequirementLine line) {
        StringBuilder s = new StringBuilder(line.name() == null ? "(unnamed)" : line.name());
        if (!line.extras().isEmpty()) {
            s.append('[').append(String.join(",", line.extras())).append(']');
        }
        s.append(line.specifier());
        if (line.url() != null) {
            s.append(" @ ").append(UrlRedaction.text(line.url()));
        }
        if (line.marker() != null) {
            s.append(" ; ").append(line.marker());
        }
        List<String> notes = new ArrayList<>();
        if (line.editable()) {
            notes.add("editable");
        }
        if (line.constraint()) {
            notes.add("constraint");
        }
        if (!line.resolvableFromIndex() && !line.editable()) {
            notes.add(line.name() == null ? "not from an index" : "direct reference, not from an index");
        }
        if (!line.hashes().isEmpty()) {
            notes.add(line.hashes().size() + (line.hashes().size() == 1 ? " hash" : " hashes"));
        }
        if (!notes.isEmpty()) {
            s.append("  (").append(String.join(", ", notes)).append(')');
        }
        return s.toString();
    }

    private static void writeJson(List<RequirementsFile> results, PrintWriter out) {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("requirements");
            for (RequirementsFile result : results) {
                for (RequirementLine line : result.requirements()) {
                    json.writeStartObject();
                    json.writeStringField("name", line.name());
                    json.writeArrayFieldStart("extras");
                    for (String extra : line.extras()) {
                        json.writeString(extra);
                    }
                    json.writeEndArray();
                    json.writeStringField("specifier", line.specifier().toString());
                    json.writeStringField("marker", line.marker() == null ? null : line.marker().toString());
                    json.writeStringField("url", UrlRedaction.text(line.url()));
                    json.writeStringField("source", line.origin().toString());
                    json.writeBooleanField("editable", line.editable());
                    json.writeBooleanField("constraint", line.constraint());
                    json.writeBooleanField("resolvable_from_index", line.resolvableFromIndex());
                    json.writeArrayFieldStart("hashes");
                    for (String hash : line.hashes()) {
                        json.writeString(hash);
                    }
                    json.writeEndArray();
                    json.writeObjectFieldStart("config_settings");
                    for (Map.Entry<String, List<String>> setting : line.configSettings().entrySet()) {
                        json.writeArrayFieldStart(setting.getKey());
                        for (String value : setting.getValue()) {
                            json.writeString(value);
                        }
                        json.writeEndArray();
                    }
                    json.writeEndObject();
                    json.writeStringField("text", UrlRedaction.text(line.text()));
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("options");
            for (RequirementsFile result : results) {
                for (GlobalOption option : result.options()) {
                    json.writeStartObject();
                    json.writeStringField("name", option.name());
                    json.writeStringField("value", UrlRedaction.text(option.value()));
                    json.writeStringField("source", option.origin().toString());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("errors");
            for (RequirementsFile result : results) {
                for (RequirementsFileError error : result.errors()) {
                    json.writeStartObject();
                    json.writeStringField("source", error.source());
                    json.writeStringField("message", error.message());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
