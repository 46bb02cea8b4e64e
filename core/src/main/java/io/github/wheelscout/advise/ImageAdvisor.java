package io.github.wheelscout.advise;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.BuildKind;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.ImagePreset;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.util.ByteSize;
import io.github.wheelscout.version.SpecifierSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an analysis of one requirement set on several images into advice: per image, what each source build
 * needs ({@link BuildNeedsAdvisor}), what cannot install and why, the distribution's own package where the image
 * uses the distribution's Python, a rank and a sentence; over all, the recommendation.
 *
 * <p>The ranking, best first: fewest requirements that cannot install; fewest results an index error left
 * unknown; fewest source builds that need (or may need) a compiler; fewest Rust builds; fewest builds whose
 * needs are not known; fewest pure-Python source builds; fewest bytes to download; then the order given.
 * Counts and bytes are the analysis's own, so they equal {@code check}'s.
 *
 * <p>Pure: the analysis is done by the caller ({@code WheelAnalyzer}); this reads only bundled data.
 */
public final class ImageAdvisor {

    private static final Comparator<ImageAdvice> RANKING = Comparator
            .comparingInt((ImageAdvice a) -> a.cannotInstall().size())
            .thenComparingInt(a -> a.unknown().size())
            .thenComparingInt(a -> a.compiledBuilds().size())
            .thenComparingInt(a -> a.rustBuilds().size())
            .thenComparingLong(a -> a.sourceBuilds().stream().filter(b -> !b.needsKnown()).count())
            .thenComparingLong(a -> a.sourceBuilds().stream().filter(b -> !b.needsCompiler()).count())
            .thenComparingLong(ImageAdvice::downloadBytes);

    private final BuildNeedsAdvisor needs;

    private ImageAdvisor(BuildNeedsAdvisor needs) {
        this.needs = Objects.requireNonNull(needs, "needs");
    }

    /** The advisor over the data bundled with wheelscout. */
    public static ImageAdvisor bundled() {
        return new ImageAdvisor(BuildNeedsAdvisor.bundled());
    }

    /** An advisor using {@code needs} for what source builds need. */
    public static ImageAdvisor using(BuildNeedsAdvisor needs) {
        return new ImageAdvisor(needs);
    }

    /**
     * The advice for every target of {@code report}, ranked, with the recommendation.
     *
     * @throws IllegalArgumentException if the report has no target
     */
    public ImageComparison compare(AnalysisReport report) {
        Objects.requireNonNull(report, "report");
        if (report.targets().isEmpty()) {
            throw new IllegalArgumentException("no image to compare");
        }
        List<ImageAdvice> unranked = new ArrayList<>();
        for (int t = 0; t < report.targets().size(); t++) {
            unranked.add(advise(report, t));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> RANKING.compare(unranked.get(x), unranked.get(y))); // stable: ties keep the order given
        int[] ranks = new int[unranked.size()];
        for (int position = 0; position < order.size(); position++) {
            ranks[order.get(position)] = position + 1;
        }
        List<ImageAdvice> images = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            ImageAdvice a = unranked.get(i);
            images.add(a.ranked(ranks[i], Sentences.image(a)));
        }
        List<ImageAdvice> ranked = images.stream().sorted(Comparator.comparingInt(ImageAdvice::rank)).toList();
        List<String> recommendation = new ArrayList<>();
        recommendation.addAll(Sentences.lead(ranked));
        ranked.forEach(a -> recommendation.add(a.sentence()));
        return new ImageComparison(images, recommendation);
    }

    /** The advice for one target of {@code report}, unranked. */
    private ImageAdvice advise(AnalysisReport report, int index) {
        Target target = report.targets().get(index);
        TargetSummary summary = report.summaries().get(index);
        Optional<ImageContext> context = contextOf(target);
        String image = target.displayName();
        List<SourceBuildAdvice> builds = new ArrayList<>();
        List<CannotInstall> cannot = new ArrayList<>();
        List<CannotInstall> unknown = new ArrayList<>();
        for (RequirementReport r : report.requirements()) {
            Outcome o = r.outcome(index);
            switch (o.verdict()) {
                case SOURCE_BUILD -> builds.add(sourceBuild(r.requirement(), o, context));
                case NO_MATCH, NOT_FOUND -> cannot.add(cannotInstall(r.requirement(), o, context));
                case ERROR -> unknown.add(cannotInstall(r.requirement(), o, context));
                default -> {
                    // wheels, markers false, URLs: nothing to advise
                }
            }
        }
        return new ImageAdvice(target, image, context, summary, builds, cannot, unknown, 0, "");
    }

    /** The package context of an image target: from the image table's os column; empty for explicit machines. */
    static Optional<ImageContext> contextOf(Target target) {
        Optional<ImagePreset> preset = target.image();
        Optional<String> reference = target.imageReference();
        if (preset.isEmpty() || reference.isEmpty()) {
            return Optional.empty();
        }
        return ImageContext.of(reference.get(), preset.get().os());
    }

    private SourceBuildAdvice sourceBuild(AnalysisRequirement requirement, Outcome o,
            Optional<ImageContext> context) {
        ProjectName project = requirement.name();
        BuildKind kind = o.advice() != null ? o.advice().build() : BuildKind.UNKNOWN;
        Optional<SourceBuildNeeds> found = context.flatMap(c -> needs.sourceBuild(project, c));
        Compiled compiled = switch (kind) {
            case COMPILED -> Compiled.YES;
            case PURE_PYTHON -> Compiled.NO;
            case UNKNOWN -> found.map(SourceBuildNeeds::compiled).orElse(Compiled.UNKNOWN);
        };
        List<String> build = new ArrayList<>();
        List<String> runtime = new ArrayList<>();
        List<UnknownPackage> unknown = new ArrayList<>();
        boolean rust = false;
        String note;
        if (context.isEmpty()) {
            note = "no package advice for " + o.target().displayName() + ": wheelscout knows the packages of"
                    + " Alpine, Debian and Ubuntu images only";
            unknown.add(new UnknownPackage(project.value(), UnknownPackage.Stage.BUILD, note));
        } else if (found.isPresent()) {
            SourceBuildNeeds n = found.get();
            if (compiled == Compiled.YES && n.compiled() != Compiled.YES) {
                // The index proves a compiled extension that Alpine's packaging does not show: the toolchain at least.
                build.addAll(needs.compilerPackages(context.get()));
            }
            for (String p : n.buildPackages()) {
                if (!build.contains(p)) {
                    build.add(p);
                }
            }
            runtime.addAll(n.runtimePackages());
            unknown.addAll(n.unknown());
            rust = n.rust();
            note = "from Alpine's packaging of " + n.alpinePackage().apkName() + " " + n.alpinePackage().apkVersion()
                    + " (" + n.snapshot().snapshot() + ", " + n.snapshot().match() + ")"
                    + (context.get().os() == ImageContext.Os.ALPINE ? "" : ", mapped to " + osName(context.get().os())
                            + " package names");
        } else {
            String snapshot = needs.snapshotFor(context.get()).snapshot().toString();
            String notPackaged = "Alpine does not package " + project.value() + " (" + snapshot + ")";
            switch (compiled) {
                case YES -> {
                    build.addAll(needs.compilerPackages(context.get()));
                    note = "it compiles (other platforms have platform-specific wheels of " + o.version() + "), but "
                            + notPackaged + ": which headers and libraries it needs beyond the compiler is not known";
                    unknown.add(new UnknownPackage(project.value(), UnknownPackage.Stage.BUILD, note));
                }
                case NO -> note = "pure Python: pip's build isolation brings its build tools; " + notPackaged;
                default -> {
                    note = project.value() + " " + o.version() + " publishes no wheels, so its files do not tell whether"
                            + " it compiles, and " + notPackaged;
                    unknown.add(new UnknownPackage(project.value(), UnknownPackage.Stage.BUILD, note));
                }
            }
        }
        return new SourceBuildAdvice(project.value(), requirement.text(), requirement.sourceIfKnown(), o.version(),
                o.file(), kind, compiled, rust, context.map(ImageContext::packageManager), build, runtime, unknown,
                found, distroOption(requirement, context), note);
    }

    private static String osName(ImageContext.Os os) {
        return switch (os) {
            case ALPINE -> "Alpine";
            case DEBIAN -> "Debian";
            case UBUNTU -> "Ubuntu";
        };
    }

    private CannotInstall cannotInstall(AnalysisRequirement requirement, Outcome o, Optional<ImageContext> context) {
        String shortReason = switch (o.verdict()) {
            case NOT_FOUND -> "not on the index";
            case ERROR -> "unknown: " + o.reason();
            default -> shorten(requirement.name() == null ? null : requirement.name().value(), o);
        };
        Optional<DistroOption> distro = requirement.name() == null ? Optional.empty()
                : distroOption(requirement, context);
        return new CannotInstall(requirement.displayName(), requirement.text(), requirement.sourceIfKnown(),
                o.verdict(), o.reason(), shortReason, distro);
    }

    /**
     * The no-match reason without what the context says: "nothing installable for onnxruntime==1.23.2 on
     * python:3.12-alpine: onnxruntime 1.23.2: it has no source distribution, ..." becomes "1.23.2 has no source
     * distribution, ...".
     */
    static String shorten(String project, Outcome o) {
        String reason = o.reason();
        String marker = " on " + o.target().displayName() + ": ";
        int at = reason.startsWith("nothing installable for ") ? reason.indexOf(marker) : -1;
        if (at < 0) {
            return reason;
        }
        String rest = reason.substring(at + marker.length());
        if (project != null && rest.startsWith(project + " ")) {
            rest = rest.substring(project.length() + 1);
            int it = rest.indexOf(": it ");
            if (it > 0 && rest.substring(0, it).indexOf(' ') < 0) {
                rest = rest.substring(0, it) + " " + rest.substring(it + ": it ".length());
            }
        }
        return rest;
    }

    private Optional<DistroOption> distroOption(AnalysisRequirement requirement, Optional<ImageContext> context) {
        if (context.isEmpty() || context.get().python() != ImageContext.PythonSource.DISTRIBUTION
                || requirement.name() == null) {
            return Optional.empty();
        }
        DistroPackageLookup lookup = needs.distroPackages(requirement.name(), context.get());
        if (lookup.status() != DistroPackageLookup.Status.PACKAGED) {
            return Optional.empty();
        }
        DistroPackage pkg = lookup.packages().get(0);
        SpecifierSet specifier = requirement.requirement() == null ? SpecifierSet.empty()
                : requirement.requirement().specifier();
        DistroOption.Fit fit = pkg.upstreamVersion()
                .map(v -> specifier.contains(v, specifier.namesPrerelease()) ? DistroOption.Fit.SATISFIES
                        : DistroOption.Fit.DOES_NOT_SATISFY)
                .orElse(DistroOption.Fit.NOT_COMPARABLE);
        return Optional.of(new DistroOption(pkg, fit, requirement.text()));
    }

    /** The sentences of the advice, in the style of the README. */
    static final class Sentences {

        /** The most packages a sentence names. */
        private static final int LISTED = 8;

        private Sentences() {
        }

        /** The first sentences: which image to use, or that none installs everything. */
        static List<String> lead(List<ImageAdvice> ranked) {
            List<String> out = new ArrayList<>();
            ImageAdvice best = ranked.get(0);
            if (ranked.stream().anyMatch(a -> !a.unknown().isEmpty())) {
                out.add("Some results are unknown (index errors), so the ranking may change.");
            }
            if (!best.cannotInstall().isEmpty()) {
                out.add(ranked.size() == 1 ? best.image() + " cannot install every requirement."
                        : "No image compared installs every requirement; " + best.image() + " comes closest.");
            } else if (best.sourceBuilds().isEmpty()) {
                out.add("Use " + best.image() + ": every requirement installs from a wheel.");
            } else {
                int n = best.sourceBuilds().size();
                out.add("Use " + best.image() + (ranked.size() > 1 ? ", with the fewest source builds (" + n + ")" : "")
                        + "; build " + (n == 1 ? "it" : "them") + " in a builder stage (wheelscout dockerfile --image "
                        + best.image() + ").");
            }
            return out;
        }

        /** The sentence of one image. */
        static String image(ImageAdvice a) {
            int wheels = a.count(Verdict.WHEEL) + a.count(Verdict.PURE_WHEEL);
            String download = ByteSize.human(a.downloadBytes()) + " to download"
                    + (a.summary().unknownSizes() > 0 ? " (+" + a.summary().unknownSizes() + " of unknown size)" : "");
            List<String> extras = new ArrayList<>();
            if (a.count(Verdict.NOT_NEEDED) > 0) {
                extras.add(a.count(Verdict.NOT_NEEDED) + " not needed here");
            }
            if (a.count(Verdict.NOT_ANALYSED) > 0) {
                extras.add(a.count(Verdict.NOT_ANALYSED) + " not analysed (URL, path or editable)");
            }
            String extra = extras.isEmpty() ? "" : "; " + String.join("; ", extras);
            if (a.allWheels()) {
                return a.image() + ": every requirement installs from a wheel (" + plural(wheels, "wheel", "wheels")
                        + extra + "; " + download + ").";
            }
            List<String> parts = new ArrayList<>();
            parts.add(plural(wheels, "wheel", "wheels"));
            if (!a.sourceBuilds().isEmpty()) {
                parts.add(plural(a.sourceBuilds().size(), "source build", "source builds") + " ("
                        + String.join("; ", buildGroups(a)) + ")");
            }
            if (!a.cannotInstall().isEmpty()) {
                parts.add(plural(a.cannotInstall().size(), "package that cannot install",
                        "packages that cannot install") + " (" + String.join("; ",
                        a.cannotInstall().stream().map(CannotInstall::toString).toList()) + ")");
            }
            if (!a.unknown().isEmpty()) {
                parts.add(plural(a.unknown().size(), "result", "results") + " unknown (index error: "
                        + names(a.unknown().stream().map(CannotInstall::name).toList()) + ")");
            }
            return a.image() + ": " + and(parts) + extra + "; " + download + ".";
        }

        /** E.g. "numpy and pandas compile native code and need build-base, openblas-dev". */
        private static List<String> buildGroups(ImageAdvice a) {
            List<String> groups = new ArrayList<>();
            List<SourceBuildAdvice> rust = new ArrayList<>();
            List<SourceBuildAdvice> compiled = new ArrayList<>();
            List<SourceBuildAdvice> compiledUnknown = new ArrayList<>();
            List<SourceBuildAdvice> pure = new ArrayList<>();
            List<SourceBuildAdvice> unknownKind = new ArrayList<>();
            for (SourceBuildAdvice b : a.sourceBuilds()) {
                if (b.rust()) {
                    rust.add(b);
                } else if (b.compiled() == Compiled.YES) {
                    (b.needs().isPresent() ? compiled : compiledUnknown).add(b);
                } else if (b.compiled() == Compiled.NO) {
                    pure.add(b);
                } else {
                    unknownKind.add(b);
                }
            }
            if (!compiled.isEmpty()) {
                List<String> packages = union(compiled);
                groups.add(namesOf(compiled) + " " + verb(compiled, "compiles", "compile") + " native code"
                        + (packages.isEmpty() ? " with what the image already has" : " and "
                                + verb(compiled, "needs", "need") + " " + String.join(", ", packages)));
            }
            if (!rust.isEmpty()) {
                List<String> packages = union(rust);
                groups.add(namesOf(rust) + " " + verb(rust, "needs", "need") + " a Rust toolchain"
                        + (packages.isEmpty() ? "" : " (" + String.join(", ", packages) + ")"));
            }
            if (!compiledUnknown.isEmpty()) {
                groups.add(namesOf(compiledUnknown) + " " + verb(compiledUnknown, "compiles", "compile")
                        + " native code, but what " + (compiledUnknown.size() == 1 ? "it needs" : "they need")
                        + " beyond a compiler is not known");
            }
            if (!pure.isEmpty()) {
                groups.add(namesOf(pure) + " " + verb(pure, "is", "are") + " pure Python (no compiler)");
            }
            if (!unknownKind.isEmpty()) {
                groups.add("whether " + namesOf(unknownKind) + " " + verb(unknownKind, "compiles", "compile")
                        + " is not known");
            }
            return groups;
        }

        /** The build packages of {@code builds}, each once; past {@link #LISTED} of them, "and N more". */
        private static List<String> union(List<SourceBuildAdvice> builds) {
            Set<String> all = new LinkedHashSet<>();
            builds.forEach(b -> all.addAll(b.buildPackages()));
            List<String> list = new ArrayList<>(all);
            if (list.size() > LISTED) {
                int more = list.size() - (LISTED - 1);
                list = new ArrayList<>(list.subList(0, LISTED - 1));
                list.add("and " + more + " more");
            }
            return list;
        }

        private static String namesOf(List<SourceBuildAdvice> builds) {
            return names(builds.stream().map(SourceBuildAdvice::name).toList());
        }

        private static String verb(List<?> subjects, String one, String many) {
            return subjects.size() == 1 ? one : many;
        }

        /** "a", "a and b", "a, b and c". */
        static String names(List<String> names) {
            if (names.size() <= 1) {
                return String.join("", names);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }

        private static String and(List<String> parts) {
            if (parts.size() <= 1) {
                return String.join("", parts);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }

        private static String plural(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
