package io.github.wheelscout.advise.dockerfile;

import io.github.wheelscout.advise.CannotInstall;
import io.github.wheelscout.advise.DistroOption;
import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.ImageContext;
import io.github.wheelscout.advise.ImageVariants;
import io.github.wheelscout.advise.SourceBuildAdvice;
import io.github.wheelscout.advise.UnknownPackage;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.tags.Architecture;
import io.github.wheelscout.version.Specifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes the {@link DockerfilePlan} for one image from wheelscout's advice on it: the base image pinned to its
 * most specific published tag, the build and runtime packages of every source build, and a header stating what
 * wheelscout found (the image's sentence, each source build and where its packages come from, what is not known,
 * what cannot install, and why the builder does or does not run {@code pip wheel --no-deps}).
 */
public final class DockerfilePlanner {

    private static final int HEADER_WIDTH = 100;

    private DockerfilePlanner() {
    }

    /**
     * The plan for {@code advice}'s image.
     *
     * @param advice           the advice on the image (from {@code ImageAdvisor})
     * @param requirements     the requirements analysed, to tell whether every one is pinned
     * @param requirementFiles the requirements files as build-context paths
     * @param includedFiles    the files they include ({@code -r}/{@code -c} lines), as build-context paths
     * @param inline           requirements given on the command line
     * @param pipOptions       the pip options the analysis used ({@code --only-binary=:all:}), passed to pip
     * @throws IllegalArgumentException if wheelscout knows no package manager for the image (a distroless image,
     *     an explicit machine), or a path is not a plain path inside the build context
     */
    public static DockerfilePlan plan(ImageAdvice advice, List<AnalysisRequirement> requirements,
            List<String> requirementFiles, List<String> includedFiles, List<String> inline, List<String> pipOptions) {
        Objects.requireNonNull(advice, "advice");
        ImageContext context = advice.context().orElseThrow(() -> new IllegalArgumentException("no Dockerfile for "
                + advice.image() + ": wheelscout knows the package managers of python, pypy, alpine, debian and"
                + " ubuntu images only"));
        String reference = advice.target().imageReference().orElse(advice.image());
        String pinned = ImageVariants.pinned(reference);
        List<String> unpinned = requirements.stream().filter(AnalysisRequirement::isIndexed)
                .filter(r -> !pinned(r)).map(AnalysisRequirement::text).toList();
        boolean noDeps = unpinned.isEmpty();
        String files = requirementFiles.isEmpty() ? "" : " (" + String.join(", ", requirementFiles) + ")";

        List<String> header = new ArrayList<>();
        header.add("Written by wheelscout for " + reference + (pinned.equals(reference) ? "" : ", pinned to "
                + pinned) + ".");
        header.add(advice.sentence());
        for (SourceBuildAdvice b : advice.sourceBuilds()) {
            header.add(sourceBuild(b));
        }
        for (CannotInstall c : advice.cannotInstall()) {
            header.add(c.requirement() + " cannot install on this image (" + c.shortReason() + "): the build fails"
                    + " until it is removed or replaced."
                    + c.distroPackage().map(d -> " Instead: " + d.sentence() + ".").orElse(""));
        }
        for (CannotInstall c : advice.unknown()) {
            header.add(c.requirement() + ": unknown (" + c.reason() + ").");
        }
        boolean multiStage = !advice.buildPackages().isEmpty();
        if (multiStage) {
            header.add(noDeps ? "Every requirement is pinned" + files + ", so the builder runs pip wheel --no-deps:"
                    + " every dependency must be listed too, pinned (as pip-compile or uv pip compile write it)."
                    : "Not every requirement is pinned (" + String.join(", ", unpinned) + "), so the builder lets pip"
                            + " resolve the dependencies and /wheels holds them all.");
            header.add("The runtime stage mounts the builder's /wheels (RUN --mount): build with BuildKit, the"
                    + " default since Docker 23.");
        }
        if (!pipOptions.isEmpty()) {
            header.add("pip runs with " + String.join(" ", pipOptions) + ", as analysed.");
        }
        if (!advice.target().arch().equals(Architecture.X86_64)) {
            header.add("Analysed for " + advice.target().arch().dockerPlatform() + ": build with docker build"
                    + " --platform " + advice.target().arch().dockerPlatform() + ".");
        }
        DockerfilePlan.Builder b = DockerfilePlan.builder(pinned, context)
                .requirementFiles(requirementFiles)
                .includedFiles(includedFiles)
                .requirements(inline)
                .pipOptions(pipOptions)
                .noDeps(noDeps)
                .buildPackages(advice.buildPackages())
                .runtimePackages(advice.runtimePackages());
        List<String> wrapped = new ArrayList<>();
        header.forEach(h -> wrapped.addAll(wrap(h)));
        return b.header(wrapped).build();
    }

    /** Whether {@code r} pins one version: a single {@code ==} without a wildcard, or {@code ===}. */
    static boolean pinned(AnalysisRequirement r) {
        List<Specifier> specifiers = r.requirement().specifier().specifiers();
        if (specifiers.size() != 1) {
            return false;
        }
        Specifier s = specifiers.get(0);
        return s.operator() == Specifier.Operator.ARBITRARY
                || s.operator() == Specifier.Operator.EQUAL && !s.isWildcard();
    }

    private static String sourceBuild(SourceBuildAdvice b) {
        StringBuilder s = new StringBuilder(b.name() + " " + b.version() + " builds from source");
        s.append(switch (b.compiled()) {
            case YES -> b.rust() ? " (compiled, Rust)" : " (compiled)";
            case NO -> " (pure Python)";
            case UNKNOWN -> " (whether it compiles is not known)";
        });
        if (!b.buildPackages().isEmpty()) {
            s.append(": build packages ").append(String.join(" ", b.buildPackages()));
        } else if (b.needs().isPresent() && b.needsCompiler()) {
            s.append(": nothing to install, the image has what it needs");
        }
        if (!b.runtimePackages().isEmpty()) {
            s.append("; runtime packages ").append(String.join(" ", b.runtimePackages()));
        }
        s.append("; ").append(b.note()).append('.');
        List<String> notKnown = b.unknown().stream().filter(u -> !u.name().equals(b.name()))
                .map(UnknownPackage::toString).toList();
        if (!notKnown.isEmpty()) {
            s.append(" Not known, add by hand: ").append(String.join("; ", notKnown)).append('.');
        }
        b.distroPackage().filter(d -> d.fit() == DistroOption.Fit.SATISFIES)
                .ifPresent(d -> s.append(" Instead: ").append(d.sentence()).append('.'));
        return s.toString();
    }

    /** {@code text} in lines of at most {@link #HEADER_WIDTH} characters (longer words stay whole). */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > HEADER_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append("  "); // continuation lines are indented under their first line
            }
            if (line.length() > 0 && !line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
