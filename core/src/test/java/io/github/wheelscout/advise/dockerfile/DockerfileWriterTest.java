package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.advise.BuildNeedsAdvisor;
import io.github.wheelscout.advise.ImageContext;
import io.github.wheelscout.advise.PackageManager;
import io.github.wheelscout.advise.SourceBuildNeeds;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files under {@code src/test/resources/io/github/wheelscout/advise/dockerfile/golden}. To rewrite them
 * after an intended change: {@code mvn -pl core test -Dtest=DockerfileWriterTest -Dgolden.update=true}, then
 * review the diff.
 */
class DockerfileWriterTest {

    private static final String GOLDEN = "/io/github/wheelscout/advise/dockerfile/golden/";

    /** The plan the dockerfile command would make: build and runtime packages of each source build. */
    private static DockerfilePlan plan(String image, List<String> sourceBuilds, String finding) {
        ImageContext context = ImageContext.parse(image).orElseThrow();
        DockerfilePlan.Builder b = DockerfilePlan.builder(image, context);
        List<String> header = new ArrayList<>();
        header.add("Written by wheelscout for " + image + ".");
        header.add(finding);
        for (String project : sourceBuilds) {
            SourceBuildNeeds n = BuildNeedsAdvisor.bundled().sourceBuild(ProjectName.of(project), context)
                    .orElseThrow();
            header.add(project + " builds from source (" + (n.rust() ? "Rust; " : "") + "packages from "
                    + n.snapshot().snapshot().label() + "): " + (n.buildPackages().isEmpty() ? "no build packages"
                    : String.join(" ", n.buildPackages())));
            b.buildPackages(n.buildPackages()).runtimePackages(n.runtimePackages());
        }
        header.add("requirements.txt must pin every package (pip-compile or uv pip compile): pip wheel --no-deps");
        header.add("builds only what it lists.");
        return b.header(header).build();
    }

    private static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources" + GOLDEN + name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = DockerfileWriterTest.class.getResourceAsStream(GOLDEN + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(DockerfileGrammar.check(actual)).as("grammar of %s", name).isEmpty();
    }

    /** The written file read back: stages on the pinned image, every install followed. */
    private static DockerfileReport readBack(String text, String image, int stages) {
        DockerfileReport r = DockerfileReader.read(text);
        assertThat(r.unfollowed()).isEmpty();
        assertThat(r.stages()).hasSize(stages).allSatisfy(s -> assertThat(s.image()).contains(image));
        return r;
    }

    @Test
    void sourceBuildsOnAlpineGetABuilderStageAndOnlyRuntimeLibrariesInTheImage() throws IOException {
        String text = DockerfileWriter.write(plan("python:3.12-alpine3.20", List.of("psycopg2", "cryptography"),
                "2 of 14 packages build from source on this image."));
        assertGolden("alpine-source-builds.Dockerfile", text);
        DockerfileReport r = readBack(text, "python:3.12-alpine3.20", 2);
        PipCommand wheel = r.stage("builder").orElseThrow().pipCommands().get(0);
        assertThat(wheel.action()).isEqualTo(PipCommand.Action.WHEEL);
        assertThat(wheel.requirementFiles().get(0).contextCandidates()).containsExactly("requirements.txt");
        PipCommand install = r.stages().get(1).pipCommands().get(0);
        assertThat(install.noIndex()).isTrue();
        assertThat(install.wheelSource()).contains(wheel);
        assertThat(text).doesNotContain("py3-").doesNotContain("python3-dev");
    }

    @Test
    void allWheelsGivesOneStageWithoutBuildTools() throws IOException {
        String text = DockerfileWriter.write(DockerfilePlan.builder("python:3.12-slim-bookworm",
                        ImageContext.parse("python:3.12-slim-bookworm").orElseThrow())
                .header(List.of("Written by wheelscout for python:3.12-slim-bookworm.",
                        "Every package installs from a wheel: no build tools needed."))
                .build());
        assertGolden("slim-all-wheels.Dockerfile", text);
        DockerfileReport r = readBack(text, "python:3.12-slim-bookworm", 1);
        assertThat(r.stages().get(0).pipCommands().get(0).requirementFiles().get(0).contextCandidates())
                .containsExactly("requirements.txt");
        assertThat(text).doesNotContain("build-essential").doesNotContain("apt-get");
    }

    @Test
    void aPureProjectNeedingASystemLibraryInstallsItInTheSingleStage() throws IOException {
        String text = DockerfileWriter.write(plan("python:3.12-slim-bookworm", List.of("python-magic"),
                "1 pure-Python source build; it loads libmagic at run time."));
        assertGolden("bookworm-runtime-library.Dockerfile", text);
        readBack(text, "python:3.12-slim-bookworm", 1);
        assertThat(text).contains("libmagic1").doesNotContain("AS builder");
    }

    @Test
    void theDistributionsPythonGetsAVirtualEnvironmentInBothStages() throws IOException {
        String text = DockerfileWriter.write(plan("alpine:3.19", List.of("numpy"),
                "numpy builds from source with Alpine's python3 (apk add py3-numpy would give 1.25.2)."));
        assertGolden("alpine-distro-python.Dockerfile", text);
        readBack(text, "alpine:3.19", 2);
        assertThat(text).contains("python3-dev").contains("RUN python3 -m venv /venv");
    }

    @Test
    void aptImagesGetOneInstallLineThatCleansTheLists() throws IOException {
        String text = DockerfileWriter.write(plan("debian:bookworm-slim", List.of("lxml"),
                "lxml builds from source with Debian's python3."));
        assertGolden("debian-distro-lxml.Dockerfile", text);
        readBack(text, "debian:bookworm-slim", 2);
        assertThat(text).contains("libxslt1-dev").contains("libxslt1.1").contains("rm -rf /var/lib/apt/lists/*");
    }

    @Test
    void thePlatformAndUserAreWrittenAsGiven() {
        String text = DockerfileWriter.write(DockerfilePlan.builder("python:3.13-slim-trixie", PackageManager.APT,
                        ImageContext.PythonSource.IMAGE)
                .platform("linux/arm64").user("svc").workdir("/srv").requirementsFile("deploy/requirements.lock")
                .buildPackages(List.of("build-essential")).build());
        assertThat(text).contains("FROM --platform=linux/arm64 python:3.13-slim-trixie AS builder")
                // copied at its build-context path, so that files it includes resolve as in the context
                .contains("COPY deploy/requirements.lock deploy/\n").contains("-r deploy/requirements.lock\n")
                .contains("useradd --system --gid svc --home-dir /srv --no-create-home svc").contains("USER svc");
        assertThat(DockerfileGrammar.check(text)).isEmpty();
        DockerfileReport r = DockerfileReader.read(text);
        assertThat(r.stages()).allSatisfy(s -> assertThat(s.platform()).contains("linux/arm64"));
        assertThat(r.stage("builder").orElseThrow().pipCommands().get(0).requirementFiles().get(0)
                .contextCandidates()).containsExactly("deploy/requirements.lock");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python", "python:latest", "docker.io/library/python", "python:3.12 slim", "${IMAGE}",
        "Python:3.12"})
    void theImageMustBeAPinnedReference(String image) {
        assertThatThrownBy(() -> DockerfilePlan.builder(image, PackageManager.APT, ImageContext.PythonSource.IMAGE)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + image + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"libpq-dev; rm -rf /", "", "a b", "$(x)"})
    void packagesMustBePlainNames(String name) {
        assertThatThrownBy(() -> DockerfilePlan.builder("python:3.12-slim", PackageManager.APT,
                ImageContext.PythonSource.IMAGE).buildPackages(List.of(name)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + name + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../requirements.txt", "/etc/requirements.txt", "req uirements.txt", "a;b"})
    void theRequirementsFileMustBeInsideTheContext(String path) {
        assertThatThrownBy(() -> DockerfilePlan.builder("python:3.12-slim", PackageManager.APT,
                ImageContext.PythonSource.IMAGE).requirementsFile(path).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + path + "'");
    }

    @Test
    void headerLinesThatLookLikeDirectivesStayComments() {
        String text = DockerfileWriter.write(DockerfilePlan.builder("python:3.12-slim", PackageManager.APT,
                ImageContext.PythonSource.IMAGE).header(List.of("check=skip=all", "two\nlines")).build());
        assertThat(DockerfileLexer.lex(text).directives()).containsOnlyKeys("syntax");
        assertThat(text).contains("# check=skip=all\n# two\n# lines\n");
    }
}
