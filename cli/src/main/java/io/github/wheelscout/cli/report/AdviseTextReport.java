package io.github.wheelscout.cli.report;

import io.github.wheelscout.advise.CannotInstall;
import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.ImageComparison;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.advise.UnknownPackage;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code advise} for people: the images side by side (rank, counts per verdict, download), the recommendation in
 * sentences, then per image every source build with what it needs and every requirement that cannot install.
 */
public final class AdviseTextReport {

    private final Style style;

    /** A writer in {@code style}. */
    public AdviseTextReport(Style style) {
        this.style = style;
    }

    /** Writes {@code document} to {@code out}. */
    public void write(AdviseDocument document, PrintWriter out) {
        boolean first = true;
        for (AdviseDocument.RequirementSet set : document.sets()) {
            if (!first) {
                out.println();
            }
            first = false;
            writeSet(set, out);
        }
        document.dockerfile().ifPresent(path -> {
            if (document.sets().isEmpty()) {
                out.println(path + ": no pip install of requirements on a base image wheelscout knows");
            }
            if (!document.unfollowed().isEmpty()) {
                out.println();
                out.println(style.bold("Not followed in " + path + " (not analysed):"));
                document.unfollowed().forEach(u -> out.println("  " + u));
            }
        });
        if (!document.errors().isEmpty()) {
            out.println();
            out.println(style.bold("Input errors (these lines were not analysed):"));
            for (RequirementsFileError e : document.errors()) {
                out.println("  " + e.source() + ": " + e.message().replace("\n", "\n    "));
            }
        }
        out.flush();
    }

    private void writeSet(AdviseDocument.RequirementSet set, PrintWriter out) {
        ImageComparison c = set.comparison();
        List<ImageAdvice> images = c.ranked();
        out.println(style.bold(set.label() + ": " + set.requirements() + " requirement"
                + (set.requirements() == 1 ? "" : "s") + " on " + images.size() + " image"
                + (images.size() == 1 ? "" : "s")));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", images, ImageAdvice::image));
        rows.add(row("rank", images, a -> Integer.toString(a.rank())));
        rows.add(row("wheels", images, a -> Integer.toString(a.count(Verdict.WHEEL))));
        rows.add(row("pure wheels", images, a -> Integer.toString(a.count(Verdict.PURE_WHEEL))));
        rows.add(row("source builds", images, a -> Integer.toString(a.sourceBuilds().size())));
        rows.add(row("cannot install", images, a -> Integer.toString(a.cannotInstall().size())));
        if (images.stream().anyMatch(a -> !a.unknown().isEmpty())) {
            rows.add(row("unknown (index error)", images, a -> Integer.toString(a.unknown().size())));
        }
        if (images.stream().anyMatch(a -> a.count(Verdict.NOT_NEEDED) + a.count(Verdict.NOT_ANALYSED) > 0)) {
            rows.add(row("not needed / not analysed", images, a -> a.count(Verdict.NOT_NEEDED) + " / "
                    + a.count(Verdict.NOT_ANALYSED)));
        }
        rows.add(row("download", images, a -> Sizes.human(a.downloadBytes())
                + (a.summary().unknownSizes() > 0 ? " +" + a.summary().unknownSizes() + " unknown" : "")));
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            StringBuilder line = new StringBuilder("  ");
            String[] r = rows.get(n);
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : r[i] + " ".repeat(widths[i] - r[i].length() + 3));
            }
            String text = line.toString().stripTrailing();
            out.println(n == 0 ? style.bold(text) : text);
        }
        out.println();
        out.println(style.bold("Recommendation"));
        List<String> sentences = c.recommendation();
        int leads = sentences.size() - images.size();
        for (int i = 0; i < sentences.size(); i++) {
            out.println(i < leads ? "  " + sentences.get(i) : "  " + (i - leads + 1) + ". " + sentences.get(i));
        }
        for (ImageAdvice a : images) {
            if (a.sourceBuilds().isEmpty() && a.cannotInstall().isEmpty() && a.unknown().isEmpty()) {
                continue;
            }
            out.println();
            out.println(style.bold(a.image() + " (rank " + a.rank() + ")"));
            for (SourceBuildAdvice b : a.sourceBuilds()) {
                out.println("  " + style.verdict(Verdict.SOURCE_BUILD, b.name() + " " + b.version()) + " ("
                        + b.requirement() + b.source().map(s -> ", " + s).orElse("") + "): " + kind(b));
                if (!b.buildCommand().isEmpty()) {
                    out.println("      build:   " + b.buildCommand());
                } else if (b.needs().isPresent() && b.needsCompiler()) {
                    out.println("      build:   nothing to install: the image has what it needs");
                }
                if (!b.runtimeCommand().isEmpty()) {
                    out.println("      runtime: " + b.runtimeCommand());
                }
                notKnown(b).forEach(line -> out.println("      not known: " + line));
                b.distroPackage().ifPresent(d -> out.println("      distribution: " + d.sentence()));
                if (b.unknown().stream().noneMatch(u -> u.name().equals(b.name()))) {
                    out.println("      " + style.faint(b.note()));
                }
            }
            for (CannotInstall x : a.cannotInstall()) {
                out.println("  " + style.verdict(x.verdict(), x.name()) + " (" + x.requirement()
                        + x.source().map(s -> ", " + s).orElse("") + ") cannot install: " + x.shortReason());
                x.distroPackage().ifPresent(d -> out.println("      distribution: " + d.sentence()));
            }
            for (CannotInstall x : a.unknown()) {
                out.println("  " + style.verdict(Verdict.ERROR, x.name()) + " (" + x.requirement() + "): "
                        + x.shortReason());
            }
            if (a.sourceBuilds().size() > 1 && !a.buildPackages().isEmpty()) {
                String manager = a.packageManager().map(m -> m.installCommand(a.buildPackages())).orElse("");
                out.println("  all build packages:   " + manager);
                if (!a.runtimePackages().isEmpty()) {
                    out.println("  all runtime packages: "
                            + a.packageManager().map(m -> m.installCommand(a.runtimePackages())).orElse(""));
                }
            }
        }
    }

    /**
     * What is not known about a build, in few lines: the project itself when Alpine does not package it, then
     * the packages without a translation grouped by stage.
     */
    static List<String> notKnown(SourceBuildAdvice b) {
        List<String> lines = new ArrayList<>();
        List<String> build = new ArrayList<>();
        List<String> runtime = new ArrayList<>();
        for (UnknownPackage u : b.unknown()) {
            if (u.name().equals(b.name())) {
                lines.add(u.reason());
            } else if (u.stage() == UnknownPackage.Stage.BUILD) {
                build.add(u.name());
            } else {
                runtime.add(u.name());
            }
        }
        if (!build.isEmpty()) {
            lines.add("the equivalents of the Alpine build packages " + String.join(", ", build)
                    + " (add them by hand)");
        }
        if (!runtime.isEmpty()) {
            lines.add("which packages hold the libraries of " + String.join(", ", runtime) + " at run time");
        }
        return lines;
    }

    /** What kind of build: compiled, Rust, pure, not known. */
    static String kind(SourceBuildAdvice b) {
        String what = switch (b.compiled()) {
            case YES -> b.rust() ? "compiles native code with a Rust toolchain" : "compiles native code";
            case NO -> "pure Python, no compiler";
            case UNKNOWN -> "whether it compiles is not known";
        };
        String evidence = switch (b.buildKind()) {
            case COMPILED -> " (other platforms have platform-specific wheels of " + b.version() + ")";
            case PURE_PYTHON -> " (its other wheels are pure Python)";
            case UNKNOWN -> b.needs().isPresent() ? " (as Alpine's packagers build it)" : "";
        };
        return what + evidence;
    }

    private static String[] row(String label, List<ImageAdvice> images, Function<ImageAdvice, String> cell) {
        String[] r = new String[images.size() + 1];
        r[0] = label;
        for (int i = 0; i < images.size(); i++) {
            r[i + 1] = cell.apply(images.get(i));
        }
        return r;
    }
}
