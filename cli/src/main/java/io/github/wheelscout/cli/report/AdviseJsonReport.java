package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.wheelscout.advise.CannotInstall;
import io.github.wheelscout.advise.DistroOption;
import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.ImageVariants;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.advise.UnknownPackage;
import io.github.wheelscout.analysis.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * {@code advise} as JSON, schema 1 (the README documents every field): {@code images[]} (each with {@code image},
 * {@code target}, {@code counts}, {@code download_bytes}, {@code source_builds[]}, {@code cannot_install[]},
 * {@code rank}, {@code summary}), the {@code recommendation}, the requirement {@code sets}, {@code errors}, and
 * for a Dockerfile input {@code dockerfile}.
 */
public final class AdviseJsonReport {

    private AdviseJsonReport() {
    }

    /** Writes {@code document} to {@code out}, pretty-printed. */
    public static void write(AdviseDocument document, Writer out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", JsonReport.SCHEMA);
            g.writeArrayFieldStart("images");
            for (AdviseDocument.RequirementSet set : document.sets()) {
                for (ImageAdvice a : set.comparison().ranked()) {
                    writeImage(g, set.label(), a);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("recommendation");
            for (AdviseDocument.RequirementSet set : document.sets()) {
                for (String sentence : set.comparison().recommendation()) {
                    g.writeString(sentence);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sets");
            for (AdviseDocument.RequirementSet set : document.sets()) {
                g.writeStartObject();
                g.writeStringField("label", set.label());
                g.writeNumberField("requirements", set.requirements());
                g.writeStringField("best", set.comparison().best().image());
                strings(g, "recommendation", set.comparison().recommendation());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (document.dockerfile().isPresent()) {
                g.writeObjectFieldStart("dockerfile");
                g.writeStringField("path", document.dockerfile().get());
                JsonReport.writeUnfollowed(g, document.unfollowed());
                g.writeEndObject();
            }
            JsonReport.writeErrors(g, document.errors());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeImage(JsonGenerator g, String set, ImageAdvice a) throws IOException {
        g.writeStartObject();
        g.writeStringField("image", a.image());
        g.writeStringField("target", a.target().id());
        g.writeStringField("set", set);
        g.writeStringField("pinned", a.target().imageReference().map(ImageVariants::pinned).orElse(null));
        g.writeStringField("system", a.target().image().map(p -> p.os()).orElse(null));
        g.writeStringField("package_manager", a.packageManager().map(Object::toString).orElse(null));
        g.writeNumberField("rank", a.rank());
        g.writeObjectFieldStart("counts");
        for (Verdict v : Verdict.values()) {
            g.writeNumberField(v.word(), a.count(v));
        }
        g.writeEndObject();
        g.writeNumberField("download_bytes", a.downloadBytes());
        g.writeNumberField("unknown_sizes", a.summary().unknownSizes());
        g.writeArrayFieldStart("source_builds");
        for (SourceBuildAdvice b : a.sourceBuilds()) {
            writeSourceBuild(g, b);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cannot_install");
        for (CannotInstall c : a.cannotInstall()) {
            writeCannotInstall(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unknown");
        for (CannotInstall c : a.unknown()) {
            writeCannotInstall(g, c);
        }
        g.writeEndArray();
        strings(g, "build_packages", a.buildPackages());
        strings(g, "runtime_packages", a.runtimePackages());
        g.writeStringField("build_command", a.packageManager().map(m -> m.installCommand(a.buildPackages()))
                .orElse(""));
        g.writeStringField("runtime_command", a.packageManager().map(m -> m.installCommand(a.runtimePackages()))
                .orElse(""));
        g.writeStringField("summary", a.sentence());
        g.writeEndObject();
    }

    private static void writeSourceBuild(JsonGenerator g, SourceBuildAdvice b) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", b.name());
        g.writeStringField("requirement", b.requirement());
        g.writeStringField("source", b.source().orElse(null));
        g.writeStringField("version", b.version() == null ? null : b.version().toString());
        g.writeStringField("file", b.file() == null ? null : b.file().filename());
        if (b.file() != null && b.file().size().isPresent()) {
            g.writeNumberField("size", b.file().size().getAsLong());
        } else {
            g.writeNullField("size");
        }
        g.writeStringField("compiled", b.compiled().toString());
        g.writeStringField("build_kind", b.buildKind().word());
        g.writeBooleanField("rust", b.rust());
        strings(g, "build_packages", b.buildPackages());
        strings(g, "runtime_packages", b.runtimePackages());
        g.writeStringField("build_command", b.buildCommand());
        g.writeStringField("runtime_command", b.runtimeCommand());
        g.writeBooleanField("needs_known", b.needsKnown());
        g.writeArrayFieldStart("unknown_packages");
        for (UnknownPackage u : b.unknown()) {
            g.writeStartObject();
            g.writeStringField("name", u.name());
            g.writeStringField("stage", u.stage().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("reason", u.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (b.needs().isPresent()) {
            g.writeObjectFieldStart("alpine_package");
            g.writeStringField("name", b.needs().get().alpinePackage().apkName());
            g.writeStringField("version", b.needs().get().alpinePackage().apkVersion());
            g.writeStringField("snapshot", b.needs().get().snapshot().snapshot().label());
            g.writeStringField("match", b.needs().get().snapshot().match().toString());
            g.writeEndObject();
        } else {
            g.writeNullField("alpine_package");
        }
        writeDistro(g, b.distroPackage());
        g.writeStringField("note", b.note());
        g.writeEndObject();
    }

    private static void writeCannotInstall(JsonGenerator g, CannotInstall c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("requirement", c.requirement());
        g.writeStringField("source", c.source().orElse(null));
        g.writeStringField("verdict", c.verdict().word());
        g.writeStringField("reason", c.reason());
        writeDistro(g, c.distroPackage());
        g.writeEndObject();
    }

    private static void writeDistro(JsonGenerator g, Optional<DistroOption> option) throws IOException {
        if (option.isEmpty()) {
            g.writeNullField("distro_package");
            return;
        }
        DistroOption d = option.get();
        g.writeObjectFieldStart("distro_package");
        g.writeStringField("name", d.pkg().name());
        g.writeStringField("version", d.pkg().version());
        g.writeStringField("upstream_version", d.pkg().upstreamVersion().orElse(null));
        g.writeStringField("repository", d.pkg().repository());
        g.writeStringField("fit", d.fit().toString());
        g.writeBooleanField("satisfies", d.fit() == DistroOption.Fit.SATISFIES);
        g.writeStringField("install_command", d.installCommand());
        g.writeStringField("source", d.pkg().source());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
