package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.analysis.Advice;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The report as JSON, schema 1 (the README documents every field). */
public final class JsonReport {

    /** The schema version written in every document. */
    public static final int SCHEMA = 1;


    private JsonReport() {
    }

    /** Writes {@code report} and the input {@code errors} to {@code out}, pretty-printed. */
    public static void write(AnalysisReport report, List<RequirementsFileError> errors, Writer out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", SCHEMA);
            g.writeArrayFieldStart("targets");
            for (Target t : report.targets()) {
                writeTarget(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("requirements");
            for (RequirementReport r : report.requirements()) {
                writeRequirement(g, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("summary");
            for (TargetSummary s : report.summaries()) {
                writeSummary(g, s);
            }
            g.writeEndArray();
            writeErrors(g, errors);
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The input errors: {@code errors[]} with {@code source} and {@code message}. */
    public static void writeErrors(JsonGenerator g, List<RequirementsFileError> errors) throws IOException {
        g.writeArrayFieldStart("errors");
        for (RequirementsFileError e : errors) {
            g.writeStartObject();
            g.writeStringField("source", e.source());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A target: {@code id} (what outcomes refer to), {@code machine}, {@code python}, ... */
    public static void writeTarget(JsonGenerator g, Target t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.displayName());
        g.writeStringField("machine", t.id());
        g.writeStringField("image", t.imageReference().orElse(null));
        g.writeStringField("python", t.pythonVersion() + (t.freeThreaded() ? "t" : ""));
        g.writeStringField("python_full", t.pythonFullVersion().orElse(null));
        g.writeStringField("implementation", t.interpreter().replaceAll("\\d+$", ""));
        g.writeStringField("abi", t.abi());
        g.writeStringField("platform", t.platform());
        g.writeEndObject();
    }

    private static void writeRequirement(JsonGenerator g, RequirementReport r) throws IOException {
        writeRequirement(g, r, null);
    }

    /** One requirement with its outcomes; {@code stage}, when not null, names the Dockerfile stages installing it. */
    public static void writeRequirement(JsonGenerator g, RequirementReport r, String stage) throws IOException {
        g.writeStartObject();
        if (stage != null) {
            g.writeStringField("stage", stage);
        }
        g.writeStringField("name", r.requirement().name() == null ? null : r.requirement().name().value());
        g.writeStringField("requirement", r.requirement().text());
        g.writeStringField("source", r.requirement().source());
        g.writeArrayFieldStart("outcomes");
        for (Outcome o : r.outcomes()) {
            writeOutcome(g, o);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One outcome: {@code target}, {@code verdict}, {@code version}, {@code file}, {@code size}, ... */
    public static void writeOutcome(JsonGenerator g, Outcome o) throws IOException {
        g.writeStartObject();
        g.writeStringField("target", o.target().displayName());
        g.writeStringField("verdict", o.verdict().word());
        g.writeStringField("version", o.version() == null ? null : o.version().toString());
        g.writeStringField("file", o.file() == null ? null : o.file().filename());
        if (o.size().isPresent()) {
            g.writeNumberField("size", o.size().getAsLong());
        } else {
            g.writeNullField("size");
        }
        g.writeStringField("reason", o.reason());
        Advice a = o.advice();
        if (a == null) {
            g.writeNullField("advice");
        } else {
            g.writeObjectFieldStart("advice");
            g.writeStringField("text", a.text());
            g.writeStringField("newer_with_wheel", a.newerWithWheel() == null ? null : a.newerWithWheel().toString());
            g.writeStringField("older_with_wheel", a.olderWithWheel() == null ? null : a.olderWithWheel().toString());
            g.writeBooleanField("newer_matches", a.newerMatches());
            g.writeBooleanField("older_matches", a.olderMatches());
            g.writeArrayFieldStart("targets_with_wheel");
            for (String t : a.targetsWithWheel()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeStringField("build", a.build().word());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The totals of one target: {@code target}, {@code counts}, {@code download_bytes}, ... */
    public static void writeSummary(JsonGenerator g, TargetSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("target", s.target().displayName());
        g.writeObjectFieldStart("counts");
        for (Verdict v : Verdict.values()) {
            g.writeNumberField(v.word(), s.count(v));
        }
        g.writeEndObject();
        g.writeNumberField("download_bytes", s.downloadBytes());
        g.writeNumberField("unknown_sizes", s.unknownSizes());
        g.writeArrayFieldStart("source_builds");
        for (String name : s.sourceBuilds()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("no_match");
        for (String name : s.noMatch()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
