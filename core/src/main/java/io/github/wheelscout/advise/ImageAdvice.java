package io.github.wheelscout.advise;

import io.github.wheelscout.analysis.TargetSummary;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.tags.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a requirement set costs on one image: the counts per verdict and the download (as {@code check} reports
 * them), every source build with what it needs, every requirement that cannot install, and the image's rank
 * among those compared.
 *
 * @param target        the machine the image is
 * @param image         the image as shown ({@code python:3.12-alpine}; the target's id for an explicit machine)
 * @param context       the image's distribution and Python, when wheelscout has package advice for it
 * @param summary       the analysis's totals on this image
 * @param sourceBuilds  the requirements pip builds from source, in requirement order
 * @param cannotInstall the requirements pip cannot install ({@code no-match}, {@code not-found})
 * @param unknown       the requirements an index error left unknown
 * @param rank          1 for the recommended image, then in order
 * @param sentence      the image's finding in one sentence, e.g. "python:3.12-slim: every requirement installs
 *                      from a wheel (14 wheels; 132 MB to download)."
 */
public record ImageAdvice(Target target, String image, Optional<ImageContext> context, TargetSummary summary,
        List<SourceBuildAdvice> sourceBuilds, List<CannotInstall> cannotInstall, List<CannotInstall> unknown,
        int rank, String sentence) {

    /** Checks the fields and freezes the lists. */
    public ImageAdvice {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(summary, "summary");
        sourceBuilds = List.copyOf(sourceBuilds);
        cannotInstall = List.copyOf(cannotInstall);
        unknown = List.copyOf(unknown);
        Objects.requireNonNull(sentence, "sentence");
    }

    /** Requirements per verdict, every verdict present (as {@code check}'s summary). */
    public Map<Verdict, Integer> counts() {
        return summary.counts();
    }

    /** The requirements with {@code verdict}. */
    public int count(Verdict verdict) {
        return summary.count(verdict);
    }

    /** The bytes pip downloads here, where the index gives sizes (see {@link TargetSummary#unknownSizes()}). */
    public long downloadBytes() {
        return summary.downloadBytes();
    }

    /** The package manager of the image, when known. */
    public Optional<PackageManager> packageManager() {
        return context.map(ImageContext::packageManager);
    }

    /** Whether every requirement pip needs here installs: nothing that cannot install, nothing unknown. */
    public boolean installsEverything() {
        return cannotInstall.isEmpty() && unknown.isEmpty();
    }

    /** Whether every requirement pip needs here installs from a wheel. */
    public boolean allWheels() {
        return installsEverything() && sourceBuilds.isEmpty();
    }

    /** Every build package of every source build, each once, in order. */
    public List<String> buildPackages() {
        Set<String> all = new LinkedHashSet<>();
        sourceBuilds.forEach(b -> all.addAll(b.buildPackages()));
        return List.copyOf(all);
    }

    /** Every runtime package of every source build, each once, in order. */
    public List<String> runtimePackages() {
        Set<String> all = new LinkedHashSet<>();
        sourceBuilds.forEach(b -> all.addAll(b.runtimePackages()));
        return List.copyOf(all);
    }

    /** The source builds that may need a compiler (compiled, or not known not to be). */
    public List<SourceBuildAdvice> compiledBuilds() {
        return sourceBuilds.stream().filter(SourceBuildAdvice::needsCompiler).toList();
    }

    /** The source builds that need a Rust toolchain. */
    public List<SourceBuildAdvice> rustBuilds() {
        return sourceBuilds.stream().filter(SourceBuildAdvice::rust).toList();
    }

    /** The same advice with another rank and sentence. */
    ImageAdvice ranked(int newRank, String newSentence) {
        return new ImageAdvice(target, image, context, summary, sourceBuilds, cannotInstall, unknown, newRank,
                newSentence);
    }
}
