package io.github.wheelscout.cli.report;

import io.github.wheelscout.advise.CannotInstall;
import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * {@code advise} as one self-contained HTML page a team can attach to a ticket: the images side by side with a
 * bar per image (wheels, pure wheels, source builds, cannot install), the download, the build needs, the
 * recommendation. No network resource: the style sheet is inline ({@code advise.css} beside this class), no
 * script, no font, no image.
 *
 * <p>The cells carry {@code data-row} (on the row) and {@code data-image} (on the cell) attributes, so that
 * tools and tests can read them.
 */
public final class AdviseHtmlReport {

    private static final String CSS = css();

    private AdviseHtmlReport() {
    }

    /** Writes {@code document} as a page titled {@code title}. */
    public static void write(AdviseDocument document, String title, PrintWriter out) {
        out.print(page(document, title).outerHtml());
        out.println();
        out.flush();
    }

    /** The page. */
    static Document page(AdviseDocument document, String title) {
        Document doc = Document.createShell("");
        doc.prependChild(new DocumentType("html", "", ""));
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(true);
        doc.selectFirst("html").attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new DataNode(CSS));
        Element body = doc.body();
        body.appendElement("h1").text(title);
        int n = 0;
        for (AdviseDocument.RequirementSet set : document.sets()) {
            section(body.appendElement("section").addClass("set").attr("id", "set-" + (++n)), set);
        }
        if (!document.unfollowed().isEmpty()) {
            Element s = body.appendElement("section").addClass("unfollowed");
            s.appendElement("h2").text("Not followed in " + document.dockerfile().orElse("the Dockerfile"));
            Element ul = s.appendElement("ul");
            document.unfollowed().forEach(u -> ul.appendElement("li").text(u.toString()));
        }
        if (!document.errors().isEmpty()) {
            Element s = body.appendElement("section").addClass("errors");
            s.appendElement("h2").text("Input errors (not analysed)");
            Element ul = s.appendElement("ul");
            for (RequirementsFileError e : document.errors()) {
                ul.appendElement("li").text(e.source() + ": " + e.message().lines().findFirst().orElse(""));
            }
        }
        body.appendElement("footer").text("Written by wheelscout " + io.github.wheelscout.cli.VersionProvider.version()
                + " from the index's file lists; no Docker was run.");
        return doc;
    }

    private static void section(Element section, AdviseDocument.RequirementSet set) {
        List<ImageAdvice> images = set.comparison().ranked();
        section.appendElement("h2").text(set.label() + ": " + set.requirements() + " requirement"
                + (set.requirements() == 1 ? "" : "s") + " on " + images.size() + " image"
                + (images.size() == 1 ? "" : "s"));
        List<String> sentences = set.comparison().recommendation();
        int leads = sentences.size() - images.size();
        Element rec = section.appendElement("div").addClass("recommendation");
        rec.appendElement("p").addClass("lead").text(String.join(" ", sentences.subList(0, leads)));
        Element ol = rec.appendElement("ol");
        sentences.subList(leads, sentences.size()).forEach(s -> ol.appendElement("li").text(s));

        Element table = section.appendElement("table").addClass("images");
        Element caption = table.appendElement("caption");
        caption.appendText("The images side by side, best first. ");
        Element legend = caption.appendElement("span").addClass("legend");
        for (String[] key : new String[][] {{"wheel", "wheels"}, {"pure", "pure wheels"}, {"build", "source builds"},
                {"cannot", "cannot install"}}) {
            legend.appendElement("span").addClass("swatch").addClass(key[0]);
            legend.appendText(key[1] + " ");
        }
        Element headRow = table.appendElement("thead").appendElement("tr");
        headRow.appendElement("th").attr("scope", "col").text("");
        for (ImageAdvice a : images) {
            Element th = headRow.appendElement("th").attr("scope", "col").attr("data-image", a.image());
            th.appendElement("span").addClass("rank").text("#" + a.rank());
            th.appendText(" ");
            th.appendElement("span").addClass("name").text(a.image());
        }
        Element tbody = table.appendElement("tbody");
        Element barRow = tbody.appendElement("tr").attr("data-row", "bar");
        barRow.appendElement("th").attr("scope", "row").text("Outcome");
        for (ImageAdvice a : images) {
            bar(barRow.appendElement("td").attr("data-image", a.image()), a);
        }
        row(tbody, "wheel", "Wheels", images, a -> Integer.toString(a.count(Verdict.WHEEL)));
        row(tbody, "pure-wheel", "Pure wheels", images, a -> Integer.toString(a.count(Verdict.PURE_WHEEL)));
        row(tbody, "source-build", "Source builds", images, a -> Integer.toString(a.sourceBuilds().size()));
        row(tbody, "cannot-install", "Cannot install", images, a -> Integer.toString(a.cannotInstall().size()));
        if (images.stream().anyMatch(a -> !a.unknown().isEmpty())) {
            row(tbody, "unknown", "Unknown (index error)", images, a -> Integer.toString(a.unknown().size()));
        }
        row(tbody, "download", "Download", images, a -> Sizes.human(a.downloadBytes()));
        Element build = tbody.appendElement("tr").attr("data-row", "build-packages");
        build.appendElement("th").attr("scope", "row").text("Build packages");
        for (ImageAdvice a : images) {
            Element td = build.appendElement("td").attr("data-image", a.image());
            String command = a.packageManager().map(m -> m.installCommand(a.buildPackages())).orElse("");
            if (command.isEmpty()) {
                td.addClass("none").text(a.sourceBuilds().isEmpty() ? "none: nothing builds" : "none");
            } else {
                td.appendElement("code").text(command);
            }
        }
        Element runtime = tbody.appendElement("tr").attr("data-row", "runtime-packages");
        runtime.appendElement("th").attr("scope", "row").text("Runtime packages");
        for (ImageAdvice a : images) {
            Element td = runtime.appendElement("td").attr("data-image", a.image());
            String command = a.packageManager().map(m -> m.installCommand(a.runtimePackages())).orElse("");
            if (command.isEmpty()) {
                td.addClass("none").text("none");
            } else {
                td.appendElement("code").text(command);
            }
        }

        for (ImageAdvice a : images) {
            if (a.sourceBuilds().isEmpty() && a.cannotInstall().isEmpty() && a.unknown().isEmpty()) {
                continue;
            }
            Element details = section.appendElement("details").addClass("image").attr("data-image", a.image());
            details.attr("open", true);
            details.appendElement("summary").text(a.image() + " (rank " + a.rank() + "): "
                    + a.sourceBuilds().size() + " source build" + (a.sourceBuilds().size() == 1 ? "" : "s") + ", "
                    + a.cannotInstall().size() + " cannot install");
            if (!a.sourceBuilds().isEmpty()) {
                Element t = details.appendElement("table").addClass("builds");
                Element h = t.appendElement("thead").appendElement("tr");
                for (String col : List.of("Project", "Build", "Build packages", "Runtime packages", "Notes")) {
                    h.appendElement("th").attr("scope", "col").text(col);
                }
                Element tb = t.appendElement("tbody");
                for (SourceBuildAdvice b : a.sourceBuilds()) {
                    Element tr = tb.appendElement("tr").attr("data-project", b.name());
                    tr.appendElement("td").text(b.name() + " " + b.version());
                    Element kind = tr.appendElement("td").addClass(b.rust() ? "rust" : "compiled-" + b.compiled());
                    kind.text(AdviseTextReport.kind(b));
                    String none = b.needs().isPresent() && b.needsCompiler() ? "none: the image has them" : "none";
                    code(tr.appendElement("td"), b.buildCommand(), none);
                    code(tr.appendElement("td"), b.runtimeCommand(), "none");
                    Element notes = tr.appendElement("td");
                    for (String line : AdviseTextReport.notKnown(b)) {
                        notes.appendElement("p").addClass("unknown").text("Not known: " + line);
                    }
                    b.distroPackage().ifPresent(d -> notes.appendElement("p").addClass("distro").text(d.sentence()));
                    notes.appendElement("p").addClass("source").text(b.note());
                }
            }
            if (!a.cannotInstall().isEmpty() || !a.unknown().isEmpty()) {
                Element ul = details.appendElement("ul").addClass("cannot");
                for (CannotInstall c : a.cannotInstall()) {
                    Element li = ul.appendElement("li").attr("data-project", c.name());
                    li.appendElement("strong").text(c.name());
                    li.appendText(" cannot install: " + c.shortReason());
                    c.distroPackage().ifPresent(d -> li.appendText(". " + d.sentence()));
                }
                for (CannotInstall c : a.unknown()) {
                    Element li = ul.appendElement("li").addClass("unknown").attr("data-project", c.name());
                    li.appendElement("strong").text(c.name());
                    li.appendText(": " + c.shortReason());
                }
            }
        }
    }

    /** A stacked bar: wheels, pure wheels, source builds, cannot install (and unknown), as shares of the total. */
    private static void bar(Element td, ImageAdvice a) {
        int wheels = a.count(Verdict.WHEEL);
        int pure = a.count(Verdict.PURE_WHEEL);
        int builds = a.sourceBuilds().size();
        int cannot = a.cannotInstall().size();
        int unknown = a.unknown().size();
        int total = wheels + pure + builds + cannot + unknown;
        Element bar = td.appendElement("div").addClass("bar").attr("role", "img").attr("aria-label",
                wheels + " wheels, " + pure + " pure wheels, " + builds + " source builds, " + cannot
                        + " cannot install" + (unknown > 0 ? ", " + unknown + " unknown" : ""));
        segment(bar, "wheel", wheels, total, "wheels");
        segment(bar, "pure", pure, total, "pure wheels");
        segment(bar, "build", builds, total, "source builds");
        segment(bar, "cannot", cannot, total, "cannot install");
        segment(bar, "unknown", unknown, total, "unknown");
    }

    private static void segment(Element bar, String kind, int n, int total, String label) {
        if (n == 0 || total == 0) {
            return;
        }
        double share = 100.0 * n / total;
        bar.appendElement("span").addClass("seg").addClass(kind).attr("title", n + " " + label)
                .attr("style", String.format(Locale.ROOT, "width:%.2f%%", share)).text(Integer.toString(n));
    }

    private static void row(Element tbody, String key, String label, List<ImageAdvice> images,
            Function<ImageAdvice, String> cell) {
        Element tr = tbody.appendElement("tr").attr("data-row", key);
        tr.appendElement("th").attr("scope", "row").text(label);
        images.forEach(a -> tr.appendElement("td").attr("data-image", a.image()).text(cell.apply(a)));
    }

    private static void code(Element td, String command, String none) {
        if (command.isEmpty()) {
            td.addClass("none").text(none);
        } else {
            td.appendElement("code").text(command);
        }
    }

    private static String css() {
        try (InputStream in = AdviseHtmlReport.class.getResourceAsStream("advise.css")) {
            if (in == null) {
                throw new IllegalStateException("advise.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
