package io.github.wheelscout.cli.report;

import io.github.wheelscout.advise.CannotInstall;
import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** {@code advise} as Markdown, fit for a pull-request comment: the images side by side, the recommendation, the builds. */
public final class AdviseMarkdownReport {

    private AdviseMarkdownReport() {
    }

    /** Writes {@code document} to {@code out}. */
    public static void write(AdviseDocument document, PrintWriter out) {
        for (AdviseDocument.RequirementSet set : document.sets()) {
            List<ImageAdvice> images = set.comparison().ranked();
            out.println("### " + MarkdownReport.escape(set.label()) + ": " + set.requirements() + " requirements on "
                    + images.size() + " images");
            out.println();
            StringBuilder header = new StringBuilder("| |");
            StringBuilder rule = new StringBuilder("|---|");
            for (ImageAdvice a : images) {
                header.append(" ").append(MarkdownReport.escape(a.image())).append(" |");
                rule.append("---:|");
            }
            out.println(header);
            out.println(rule);
            row(out, "Rank", images, a -> Integer.toString(a.rank()));
            row(out, "Wheels", images, a -> Integer.toString(a.count(Verdict.WHEEL)));
            row(out, "Pure wheels", images, a -> Integer.toString(a.count(Verdict.PURE_WHEEL)));
            row(out, "Source builds", images, a -> Integer.toString(a.sourceBuilds().size()));
            row(out, "Cannot install", images, a -> Integer.toString(a.cannotInstall().size()));
            if (images.stream().anyMatch(a -> !a.unknown().isEmpty())) {
                row(out, "Unknown (index error)", images, a -> Integer.toString(a.unknown().size()));
            }
            row(out, "Download", images, a -> Sizes.human(a.downloadBytes()));
            out.println();
            List<String> sentences = set.comparison().recommendation();
            int leads = sentences.size() - images.size();
            out.println("**Recommendation.** " + MarkdownReport.escape(String.join(" ", sentences.subList(0, leads))));
            out.println();
            for (int i = leads; i < sentences.size(); i++) {
                out.println((i - leads + 1) + ". " + MarkdownReport.escape(sentences.get(i)));
            }
            for (ImageAdvice a : images) {
                if (a.sourceBuilds().isEmpty() && a.cannotInstall().isEmpty()) {
                    continue;
                }
                out.println();
                out.println("<details><summary>" + MarkdownReport.escape(a.image()) + ": what its source builds need"
                        + "</summary>");
                out.println();
                for (SourceBuildAdvice b : a.sourceBuilds()) {
                    StringBuilder line = new StringBuilder("- **" + MarkdownReport.escape(b.name() + " "
                            + b.version()) + "**: " + MarkdownReport.escape(AdviseTextReport.kind(b)));
                    if (!b.buildCommand().isEmpty()) {
                        line.append("; build: `").append(b.buildCommand()).append('`');
                    }
                    if (!b.runtimeCommand().isEmpty()) {
                        line.append("; runtime: `").append(b.runtimeCommand()).append('`');
                    }
                    if (!b.needsKnown()) {
                        line.append("; not known: ").append(MarkdownReport.escape(String.join("; ",
                                AdviseTextReport.notKnown(b))));
                    }
                    b.distroPackage().ifPresent(d -> line.append("; ").append(MarkdownReport.escape(d.sentence())));
                    out.println(line);
                }
                for (CannotInstall c : a.cannotInstall()) {
                    out.println("- **" + MarkdownReport.escape(c.name()) + "** cannot install: "
                            + MarkdownReport.escape(c.shortReason()));
                }
                out.println();
                out.println("</details>");
            }
            out.println();
        }
        if (!document.unfollowed().isEmpty()) {
            out.println("**Not followed** in " + MarkdownReport.escape(document.dockerfile().orElse("")) + ":");
            out.println();
            document.unfollowed().forEach(u -> out.println("- " + MarkdownReport.escape(u.toString())));
            out.println();
        }
        if (!document.errors().isEmpty()) {
            out.println("**Input errors** (not analysed):");
            out.println();
            for (RequirementsFileError e : document.errors()) {
                out.println("- " + MarkdownReport.escape(e.source()) + ": "
                        + MarkdownReport.escape(e.message().lines().findFirst().orElse("")));
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String label, List<ImageAdvice> images,
            Function<ImageAdvice, String> cell) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        images.forEach(a -> row.append(' ').append(cell.apply(a)).append(" |"));
        out.println(row);
    }
}
