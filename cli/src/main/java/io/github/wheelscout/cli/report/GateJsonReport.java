package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.gate.GateResult;
import io.github.wheelscout.gate.RequirementChanges;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The gate as JSON, schema 1 (the README documents every field). */
public final class GateJsonReport {

    /** The schema version written in every document. */
    public static final int SCHEMA = 1;


    private GateJsonReport() {
    }

    /** Writes {@code report} to {@code out}, pretty-printed, ending with a newline. */
    public static void write(GateReport report, Writer out) throws IOException {
        GateResult result = report.result();
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", SCHEMA);
            g.writeStringField("status", report.status().word());
            g.writeBooleanField("allow_errors", report.allowErrors());
            g.writeStringField("base", report.base());
            g.writeStringField("head", report.head());
            g.writeStringField("today", result.today().toString());
            g.writeArrayFieldStart("targets");
            for (Target t : result.targets()) {
                JsonReport.writeTarget(g, t);
            }
            g.writeEndArray();

            g.writeObjectFieldStart("summary");
            for (ChangeKind kind : ChangeKind.values()) {
                g.writeNumberField(kind.word(), result.count(kind));
            }
            g.writeNumberField("failing", result.failures().size());
            g.writeNumberField("accepted", result.accepted().size());
            g.writeEndObject();

            g.writeArrayFieldStart("requirements");
            for (RequirementChanges r : result.requirements()) {
                writeRequirement(g, r);
            }
            g.writeEndArray();

            g.writeObjectFieldStart("baseline");
            g.writeStringField("file", report.baselineFile());
            g.writeNumberField("entries", result.baseline().entries().size());
            writeEntries(g, "expired", result.expiredEntries());
            writeEntries(g, "unused", result.unusedEntries());
            g.writeEndObject();

            g.writeArrayFieldStart("errors");
            for (RequirementsFileError e : report.errors()) {
                g.writeStartObject();
                g.writeStringField("source", e.source());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeRequirement(JsonGenerator g, RequirementChanges r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name() == null ? null : r.name().value());
        writeSide(g, "base", r.base());
        writeSide(g, "head", r.head());
        g.writeArrayFieldStart("changes");
        for (Change c : r.changes()) {
            writeChange(g, c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSide(JsonGenerator g, String side, AnalysisRequirement r) throws IOException {
        g.writeStringField(side + "_requirement", r == null ? null : r.text());
        g.writeStringField(side + "_source", r == null ? null : r.source());
    }

    private static void writeChange(JsonGenerator g, Change c) throws IOException {
        g.writeStartObject();
        g.writeStringField("target", c.target().displayName());
        g.writeStringField("change", c.kind().word());
        g.writeBooleanField("fails", c.fails());
        g.writeStringField("source", c.source().orElse(null));
        g.writeStringField("base_version", c.baseVersion().map(Object::toString).orElse(null));
        g.writeStringField("head_version", c.headVersion().map(Object::toString).orElse(null));
        g.writeStringField("message", c.message());
        if (c.acceptance().entry() == null) {
            g.writeNullField("baseline");
        } else {
            g.writeObjectFieldStart("baseline");
            g.writeStringField("status", c.acceptance().status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeFieldName("entry");
            writeEntry(g, c.acceptance().entry());
            g.writeEndObject();
        }
        g.writeFieldName("base");
        if (c.base() == null) {
            g.writeNull();
        } else {
            JsonReport.writeOutcome(g, c.base());
        }
        g.writeFieldName("head");
        if (c.head() == null) {
            g.writeNull();
        } else {
            JsonReport.writeOutcome(g, c.head());
        }
        g.writeEndObject();
    }

    private static void writeEntries(JsonGenerator g, String field, List<BaselineEntry> entries) throws IOException {
        g.writeArrayFieldStart(field);
        for (BaselineEntry e : entries) {
            writeEntry(g, e);
        }
        g.writeEndArray();
    }

    /** A baseline entry as the baseline file writes it (every field, null when not set). */
    private static void writeEntry(JsonGenerator g, BaselineEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", e.name().value());
        g.writeStringField("versions", e.versions() == null ? null : e.versions().toString());
        g.writeStringField("target", e.targetPattern());
        g.writeStringField("reason", e.reason());
        g.writeStringField("expires", e.expires() == null ? null : e.expires().toString());
        g.writeEndObject();
    }
}
