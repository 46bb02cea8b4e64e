package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.advise.dockerfile.Unfollowed;
import io.github.wheelscout.analysis.Advice;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.RequirementsFileError;
import io.github.wheelscout.resolve.Conflict;
import io.github.wheelscout.resolve.Resolution;
import io.github.wheelscout.resolve.ResolvedPackage;
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
            g.writeBooleanField("deep", report.deep());
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
            for (int t = 0; t < report.summaries().size(); t++) {
                writeSummary(g, report.summaries().get(t), report.deep() ? report.resolutions().get(t) : null);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("resolutions");
            for (Resolution r : report.resolutions()) {
                writeResolution(g, r);
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

    /** The Dockerfile instructions not followed: {@code unfollowed[]} with {@code line}, {@code instruction}, {@code reason}. */
    public static void writeUnfollowed(JsonGenerator g, List<Unfollowed> unfollowed) throws IOException {
        g.writeArrayFieldStart("unfollowed");
        for (Unfollowed u : unfollowed) {
            g.writeStartObject();
            g.writeNumberField("line", u.line());
            g.writeStringField("instruction", u.instruction());
            g.writeStringField("reason", u.reason());
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
        g.writeArrayFieldStart("via");
        for (String name : r.via()) {
            g.writeString(name);
        }
        g.writeEndArray();
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
        writeSummary(g, s, null);
    }

    /**
     * The totals of one target, with (in a deep analysis) how its resolution ended: {@code resolution},
     * {@code resolution_failure}, {@code dependencies_unknown}, {@code missing_from_file}.
     */
    public static void writeSummary(JsonGenerator g, TargetSummary s, Resolution resolution) throws IOException {
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
        g.writeStringField("resolution", resolution == null ? null : resolution.status().word());
        g.writeStringField("resolution_failure", s.resolutionFailure());
        g.writeArrayFieldStart("dependencies_unknown");
        for (String name : s.dependenciesUnknown()) {
            g.writeString(name);
        }
        g.writeEndArray();
        if (s.missingFromFile() == null) {
            g.writeNullField("missing_from_file");
        } else {
            g.writeArrayFieldStart("missing_from_file");
            for (String name : s.missingFromFile()) {
                g.writeString(name);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** One target's whole install (deep): every package, why it is there, or the conflict. */
    private static void writeResolution(JsonGenerator g, Resolution r) throws IOException {
        g.writeStartObject();
        g.writeStringField("target", r.target().displayName());
        g.writeStringField("status", r.status().word());
        g.writeNumberField("rounds", r.rounds());
        g.writeArrayFieldStart("packages");
        for (ResolvedPackage p : r.packages()) {
            g.writeStartObject();
            g.writeStringField("name", p.name().value());
            g.writeStringField("version", p.version() == null ? null : p.version().toString());
            g.writeStringField("file", p.selection() == null ? null
                    : p.selection().pick().map(f -> f.file().filename()).orElse(null));
            g.writeArrayFieldStart("extras");
            for (String e : p.extras()) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeBooleanField("direct", p.direct());
            g.writeArrayFieldStart("via");
            for (ProjectName name : p.via()) {
                g.writeString(name.value());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("required_by");
            for (ResolvedPackage.Dependent d : p.requiredBy()) {
                g.writeStartObject();
                g.writeStringField("parent", d.parent() == null ? null : d.parent().value());
                g.writeStringField("parent_version", d.parentVersion() == null ? null : d.parentVersion().toString());
                g.writeStringField("requirement", d.requirement());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("dependencies", p.dependencies().status().word());
            g.writeStringField("dependencies_reason", p.dependencies().reason());
            g.writeStringField("newest_allowed", p.newest() == null ? null : p.newest().toString());
            g.writeStringField("unresolved", p.unresolved());
            g.writeEndObject();
        }
        g.writeEndArray();
        Conflict c = r.conflict();
        if (c == null) {
            g.writeNullField("conflict");
        } else {
            g.writeObjectFieldStart("conflict");
            g.writeStringField("summary", c.summary());
            g.writeStringField("explanation", c.explanation());
            g.writeArrayFieldStart("causes");
            for (Conflict.Cause cause : c.causes()) {
                g.writeStartObject();
                g.writeStringField("requirement", cause.requirement());
                g.writeStringField("project", cause.project() == null ? null : cause.project().value());
                g.writeStringField("parent", cause.parent() == null ? null : cause.parent().value());
                g.writeStringField("parent_version", cause.parentVersion() == null ? null
                        : cause.parentVersion().toString());
                g.writeArrayFieldStart("via");
                for (ProjectName name : cause.via()) {
                    g.writeString(name.value());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
