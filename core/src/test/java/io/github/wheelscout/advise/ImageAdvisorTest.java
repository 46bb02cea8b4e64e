package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.BuildKind;
import io.github.wheelscout.analysis.FileLists;
import io.github.wheelscout.analysis.InMemoryIndex;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.tags.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice over real file lists (core's analysis test data) and synthetic ones. */
class ImageAdvisorTest {

    private final InMemoryIndex index = new InMemoryIndex()
            .with(FileLists.real("numpy"))
            .with(FileLists.real("black"))
            .with(FileLists.real("psycopg2"))
            .with(FileLists.real("torch"))
            .with(FileLists.real("requests"))
            .with(FileLists.real("duckdb"))
            .with(FileLists.synthetic("langdetect", "langdetect-1.0.9.tar.gz"))
            .with(FileLists.synthetic("purelib", "purelib-1.0.tar.gz", "purelib-1.0-py3-none-any.whl",
                    "purelib-2.0.tar.gz"))
            .failing("flaky");

    private ImageComparison compare(List<String> images, String... requirements) {
        List<AnalysisRequirement> reqs = Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
        List<Target> targets = images.stream().map(Target::forImage).toList();
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(reqs, targets);
        return ImageAdvisor.bundled().compare(report);
    }

    private static ImageAdvice image(ImageComparison c, String image) {
        return c.images().stream().filter(a -> a.image().equals(image)).findFirst().orElseThrow();
    }

    @Test
    void slimWithOnlyWheelsRanksFirstAndAlpineListsItsBuildsAndWhatCannotInstall() {
        ImageComparison c = compare(List.of("python:3.12-alpine", "python:3.12-slim"), "duckdb", "torch", "numpy<2",
                "black");
        ImageAdvice slim = image(c, "python:3.12-slim");
        ImageAdvice alpine = image(c, "python:3.12-alpine");
        assertThat(slim.rank()).isEqualTo(1);
        assertThat(alpine.rank()).isEqualTo(2);
        assertThat(c.best()).isSameAs(slim);
        assertThat(c.images()).extracting(ImageAdvice::image).containsExactly("python:3.12-alpine",
                "python:3.12-slim");
        assertThat(slim.allWheels()).isTrue();
        assertThat(slim.sentence()).startsWith("python:3.12-slim: every requirement installs from a wheel (4 wheels; ")
                .endsWith(" to download).");
        assertThat(alpine.count(Verdict.SOURCE_BUILD)).isEqualTo(1);
        assertThat(alpine.sourceBuilds()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("duckdb");
            assertThat(b.buildKind()).isEqualTo(BuildKind.COMPILED);
            assertThat(b.compiled()).isEqualTo(Compiled.YES);
            assertThat(b.needs()).isEmpty(); // Alpine does not package duckdb
            assertThat(b.buildPackages()).containsExactly("build-base");
            assertThat(b.needsKnown()).isFalse();
            assertThat(b.unknown()).singleElement().extracting(UnknownPackage::reason).asString()
                    .contains("Alpine does not package duckdb");
        });
        assertThat(alpine.cannotInstall()).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("torch");
            assertThat(x.verdict()).isEqualTo(Verdict.NO_MATCH);
            assertThat(x.shortReason()).doesNotStartWith("nothing installable").doesNotStartWith("torch ");
        });
        assertThat(alpine.sentence()).startsWith("python:3.12-alpine: 2 wheels, 1 source build (duckdb compiles native"
                + " code, but what it needs beyond a compiler is not known) and 1 package that cannot install (torch: ");
        assertThat(c.recommendation().get(0)).isEqualTo("Use python:3.12-slim: every requirement installs from a"
                + " wheel.");
        assertThat(c.recommendation()).hasSize(3).containsSequence(slim.sentence(), alpine.sentence());
        assertThat(c.anyInstallsEverything()).isTrue();
    }

    @Test
    void countsAndBytesAreTheAnalysisOwn() {
        List<AnalysisRequirement> reqs = List.of(AnalysisRequirement.of("numpy<2"), AnalysisRequirement.of("duckdb"));
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(reqs,
                List.of(Target.forImage("python:3.12-alpine"), Target.forImage("python:3.12-slim")));
        ImageComparison c = ImageAdvisor.bundled().compare(report);
        for (int t = 0; t < 2; t++) {
            ImageAdvice a = c.images().get(t);
            assertThat(a.counts()).isEqualTo(report.summaries().get(t).counts());
            assertThat(a.downloadBytes()).isEqualTo(report.summaries().get(t).downloadBytes()).isPositive();
        }
    }

    @Test
    void psycopg2BuildsEverywhereWithEachFamilysPackagesAndTheFullImageAlreadyHasThem() {
        ImageComparison c = compare(List.of("python:3.13-slim", "python:3.13-alpine", "python:3.13"), "psycopg2");
        SourceBuildAdvice slim = image(c, "python:3.13-slim").sourceBuilds().get(0);
        assertThat(slim.buildCommand()).isEqualTo("apt-get install -y --no-install-recommends build-essential"
                + " libpq-dev");
        assertThat(slim.runtimePackages()).containsExactly("libpq5"); // trixie
        assertThat(slim.needsKnown()).isTrue();
        SourceBuildAdvice alpine = image(c, "python:3.13-alpine").sourceBuilds().get(0);
        assertThat(alpine.buildCommand()).isEqualTo("apk add --no-cache build-base libpq-dev");
        assertThat(alpine.runtimeCommand()).isEqualTo("apk add --no-cache libpq");
        assertThat(alpine.note()).contains("py3-psycopg2").contains("edge");
        SourceBuildAdvice full = image(c, "python:3.13").sourceBuilds().get(0);
        assertThat(full.buildPackages()).isEmpty();
        assertThat(full.needsCompiler()).isTrue();
        // equal on every criterion: the order given decides
        assertThat(c.ranked()).extracting(ImageAdvice::image).containsExactly("python:3.13-slim",
                "python:3.13-alpine", "python:3.13");
        assertThat(c.recommendation().get(0)).isEqualTo("Use python:3.13-slim, with the fewest source builds (1);"
                + " build it in a builder stage (wheelscout dockerfile --image python:3.13-slim).");
        assertThat(image(c, "python:3.13-slim").sentence()).contains("psycopg2 compiles native code and needs"
                + " build-essential, libpq-dev");
        assertThat(image(c, "python:3.13").sentence()).contains("psycopg2 compiles native code with what the image"
                + " already has");
    }

    @Test
    void aPureSdistNeedsNoCompilerAndRanksBelowWheelsAboveCompiledBuilds() {
        ImageComparison c = compare(List.of("python:3.12-alpine", "python:3.12-slim"), "langdetect", "purelib");
        ImageAdvice alpine = image(c, "python:3.12-alpine");
        assertThat(alpine.sourceBuilds()).extracting(SourceBuildAdvice::name).containsExactly("langdetect",
                "purelib");
        SourceBuildAdvice langdetect = alpine.sourceBuilds().get(0);
        assertThat(langdetect.buildKind()).isEqualTo(BuildKind.UNKNOWN); // no wheels at all
        assertThat(langdetect.compiled()).isEqualTo(Compiled.NO); // Alpine packages it noarch
        assertThat(langdetect.buildPackages()).isEmpty();
        assertThat(langdetect.needsCompiler()).isFalse();
        SourceBuildAdvice purelib = alpine.sourceBuilds().get(1);
        assertThat(purelib.buildKind()).isEqualTo(BuildKind.UNKNOWN);
        assertThat(purelib.compiled()).isEqualTo(Compiled.UNKNOWN); // 2.0 has no wheel, Alpine has no package
        assertThat(purelib.needsKnown()).isFalse();
        assertThat(alpine.sentence()).contains("langdetect is pure Python (no compiler)")
                .contains("whether purelib compiles is not known");
    }

    @Test
    void moreSourceBuildsRankLowerAndAnImageThatCannotInstallRanksLast() {
        ImageComparison c = compare(List.of("python:3.12-alpine", "python:3.12-slim"), "torch", "duckdb");
        assertThat(c.ranked()).extracting(ImageAdvice::image).containsExactly("python:3.12-slim",
                "python:3.12-alpine");
        ImageComparison none = compare(List.of("python:3.12-alpine"), "torch");
        assertThat(none.anyInstallsEverything()).isFalse();
        assertThat(none.recommendation().get(0)).isEqualTo("python:3.12-alpine cannot install every requirement.");
    }

    @Test
    void indexErrorsAreUnknownNeverSuccess() {
        ImageComparison c = compare(List.of("python:3.12-slim"), "flaky", "black");
        ImageAdvice slim = c.images().get(0);
        assertThat(slim.unknown()).singleElement().satisfies(u -> {
            assertThat(u.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(u.reason()).contains("503");
        });
        assertThat(slim.installsEverything()).isFalse();
        assertThat(slim.allWheels()).isFalse();
        assertThat(c.recommendation().get(0)).contains("unknown");
        assertThat(slim.sentence()).contains("1 result unknown (index error: flaky)");
    }

    @Test
    void notFoundCannotInstall() {
        ImageAdvice a = compare(List.of("python:3.12-slim"), "not-on-the-index").images().get(0);
        assertThat(a.cannotInstall()).singleElement().satisfies(x -> {
            assertThat(x.verdict()).isEqualTo(Verdict.NOT_FOUND);
            assertThat(x.shortReason()).isEqualTo("not on the index");
        });
    }

    @Test
    void distributionPackagesAreWeighedAgainstTheRequirementOnDistributionPythonImages() {
        ImageComparison c = compare(List.of("alpine:3.19"), "psycopg2>=2.9", "psycopg2==2.9.11");
        ImageAdvice alpine = c.images().get(0);
        SourceBuildAdvice loose = alpine.sourceBuilds().get(0);
        assertThat(loose.buildPackages()).containsExactly("build-base", "libpq-dev", "python3-dev");
        assertThat(loose.distroPackage()).hasValueSatisfying(d -> {
            assertThat(d.pkg().name()).isEqualTo("py3-psycopg2");
            assertThat(d.pkg().version()).isEqualTo("2.9.9-r0");
            assertThat(d.fit()).isEqualTo(DistroOption.Fit.SATISFIES);
            assertThat(d.installCommand()).isEqualTo("apk add --no-cache py3-psycopg2");
            assertThat(d.sentence()).startsWith("py3-psycopg2 2.9.9-r0 satisfies psycopg2>=2.9: apk add --no-cache"
                    + " py3-psycopg2 installs it without a build");
        });
        SourceBuildAdvice pinned = alpine.sourceBuilds().get(1);
        assertThat(pinned.distroPackage()).hasValueSatisfying(d ->
                assertThat(d.fit()).isEqualTo(DistroOption.Fit.DOES_NOT_SATISFY));
        ImageAdvice python = compare(List.of("python:3.12-alpine"), "psycopg2").images().get(0);
        assertThat(python.sourceBuilds().get(0).distroPackage()).isEmpty();
    }

    @Test
    void explicitMachinesGetNoPackageAdviceAndSaySo() {
        List<AnalysisRequirement> reqs = List.of(AnalysisRequirement.of("psycopg2"));
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(reqs,
                List.of(Target.fromPlatform("3.12", "manylinux_2_36_x86_64", null, null)));
        ImageAdvice a = ImageAdvisor.bundled().compare(report).images().get(0);
        assertThat(a.context()).isEmpty();
        assertThat(a.sourceBuilds().get(0).needsKnown()).isFalse();
        assertThat(a.sourceBuilds().get(0).note()).contains("no package advice");
    }

    @Test
    void namesAreJoinedAsInASentence() {
        assertThat(ImageAdvisor.Sentences.names(List.of("a"))).isEqualTo("a");
        assertThat(ImageAdvisor.Sentences.names(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(ImageAdvisor.Sentences.names(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }
}
