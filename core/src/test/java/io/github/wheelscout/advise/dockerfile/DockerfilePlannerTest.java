package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.advise.ImageAdvice;
import io.github.wheelscout.advise.ImageAdvisor;
import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.FileLists;
import io.github.wheelscout.analysis.InMemoryIndex;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.tags.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfilePlannerTest {

    private final InMemoryIndex index = new InMemoryIndex()
            .with(FileLists.real("psycopg2"))
            .with(FileLists.real("black"))
            .with(FileLists.real("torch"));

    private ImageAdvice advice(String image, String arch, String... requirements) {
        List<AnalysisRequirement> reqs = Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(reqs,
                List.of(Target.forImage(image, arch)));
        return ImageAdvisor.bundled().compare(report).images().get(0);
    }

    private static List<AnalysisRequirement> reqs(String... requirements) {
        return Arrays.stream(requirements).map(AnalysisRequirement::of).toList();
    }

    @Test
    void aPinnedSetBuildsWithNoDepsAndTheHeaderSaysWhy() {
        ImageAdvice a = advice("python:3.12-alpine", null, "psycopg2==2.9.11", "black==26.5.1");
        DockerfilePlan plan = DockerfilePlanner.plan(a, reqs("psycopg2==2.9.11", "black==26.5.1"),
                List.of("requirements.txt"), List.of(), List.of(), List.of());
        assertThat(plan.noDeps()).isTrue();
        assertThat(plan.image()).startsWith("python:3.12.").contains("-alpine3.");
        assertThat(plan.buildPackages()).containsExactly("build-base", "libpq-dev");
        assertThat(plan.runtimePackages()).containsExactly("libpq");
        String header = String.join(" ", plan.header()).replaceAll("\\s+", " ");
        assertThat(header).contains("Every requirement is pinned (requirements.txt), so the builder runs pip wheel"
                + " --no-deps").contains("psycopg2 2.9.11 builds from source (compiled)");
        assertThat(plan.header()).allSatisfy(h -> assertThat(h.length()).isLessThanOrEqualTo(100));
        String text = DockerfileWriter.write(plan);
        assertThat(DockerfileGrammar.check(text)).isEmpty();
        assertThat(text).contains("RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r requirements.txt");
    }

    @Test
    void anUnpinnedSetLetsPipResolveInTheBuilder() {
        ImageAdvice a = advice("python:3.12-alpine", null, "psycopg2>=2.9");
        DockerfilePlan plan = DockerfilePlanner.plan(a, reqs("psycopg2>=2.9"), List.of(), List.of(),
                List.of("psycopg2>=2.9"), List.of("--prefer-binary"));
        assertThat(plan.noDeps()).isFalse();
        assertThat(String.join(" ", plan.header()).replaceAll("\\s+", " "))
                .contains("Not every requirement is pinned (psycopg2>=2.9)");
        String text = DockerfileWriter.write(plan);
        assertThat(text).contains("RUN pip wheel --no-cache-dir --wheel-dir /wheels --prefer-binary 'psycopg2>=2.9'")
                .doesNotContain("COPY requirements");
        assertThat(DockerfileGrammar.check(text)).isEmpty();
        assertThat(DockerfileReader.read(text).stages().get(0).pipCommands().get(0).requirements())
                .containsExactly("psycopg2>=2.9");
    }

    @Test
    void nothingToBuildIsOneStageAndWhatCannotInstallIsInTheHeader() {
        ImageAdvice a = advice("python:3.12-alpine", "aarch64", "torch==2.13.0", "black==26.5.1");
        DockerfilePlan plan = DockerfilePlanner.plan(a, reqs("torch==2.13.0", "black==26.5.1"),
                List.of("reqs/app.txt"), List.of("reqs/base.txt"), List.of(), List.of());
        assertThat(plan.multiStage()).isFalse();
        String header = String.join(" ", plan.header()).replaceAll("\\s+", " ");
        assertThat(header).contains("torch==2.13.0 cannot install on this image").contains("build with docker build"
                + " --platform linux/arm64");
        String text = DockerfileWriter.write(plan);
        assertThat(text).contains("COPY reqs/app.txt reqs/base.txt reqs/\n").contains("RUN pip install"
                + " --no-cache-dir -r reqs/app.txt\n");
        assertThat(DockerfileGrammar.check(text)).isEmpty();
    }

    @Test
    void anExplicitMachineHasNoDockerfile() {
        List<AnalysisRequirement> reqs = reqs("black==26.5.1");
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(reqs,
                List.of(Target.fromPlatform("3.12", "manylinux_2_36_x86_64", null, null)));
        ImageAdvice a = ImageAdvisor.bundled().compare(report).images().get(0);
        assertThatThrownBy(() -> DockerfilePlanner.plan(a, reqs, List.of("r.txt"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Dockerfile for");
    }

    @Test
    void headerLinesAreWrappedAtWordBoundaries() {
        List<String> lines = DockerfilePlanner.wrap("word ".repeat(60).strip());
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(lines.get(1)).startsWith("  word");
    }
}
