package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.advise.dockerfile.DockerfileGrammar;
import io.github.wheelscout.advise.dockerfile.DockerfileReader;
import io.github.wheelscout.advise.dockerfile.DockerfileReport;
import io.github.wheelscout.advise.dockerfile.PipCommand;
import io.github.wheelscout.advise.dockerfile.Stage;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code wheelscout dockerfile}, against golden files in {@code src/test/resources/io/github/wheelscout/cli/advise/golden}.
 * To rewrite them after an intended change: {@code mvn -pl cli test -Dtest=DockerfileCommandTest
 * -Dgolden.update=true}, then review the diff.
 */
class DockerfileCommandTest {

    private static final Path RESOURCES = AdviseCommandTest.RESOURCES;

    @TempDir
    Path tmp;

    private CliRun dockerfile(String... args) {
        List<String> all = new ArrayList<>(List.of("dockerfile", "--index-url", Fixtures.mirrorFolder(tmp).toString(),
                "--no-cache", "--no-progress", "--context", RESOURCES.toString()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = RESOURCES.resolve("golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file %s", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(DockerfileGrammar.check(actual)).as("grammar of %s", name).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @CsvSource({
        // requirements,  image,               arch,    golden file,                         exit code
        "slim-wheels.txt, python:3.11-alpine, '',      slim-wheels-alpine.Dockerfile,       1",
        "slim-wheels.txt, python:3.11-slim,   '',      slim-wheels-slim.Dockerfile,         0",
        "rust.txt,        python:3.12-alpine, arm/v7,  rust-alpine-armv7.Dockerfile,        0",
        "rust.txt,        python:3.12-slim,   arm/v7,  rust-slim-armv7.Dockerfile,          0",
        "psycopg2.txt,    python:3.12-slim,   '',      psycopg2-slim.Dockerfile,            0",
        "psycopg2.txt,    python:3.12-alpine, '',      psycopg2-alpine.Dockerfile,          0",
        "psycopg2.txt,    python:3.12,        '',      psycopg2-full.Dockerfile,            0",
        "distro.txt,      alpine:3.19,        '',      distro-alpine319.Dockerfile,         0",
    })
    void writesTheGoldenDockerfile(String requirements, String image, String arch, String golden, int exit)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-r", RESOURCES.resolve(requirements).toString(), "--image",
                image));
        if (!arch.isEmpty()) {
            args.addAll(List.of("--arch", arch));
        }
        CliRun run = dockerfile(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertGolden(golden, run.out());
        DockerfileReport read = DockerfileReader.read(run.out());
        assertThat(read.unfollowed()).isEmpty();
        assertThat(read.stages()).allSatisfy(s -> assertThat(s.image()).isPresent());
        Stage first = read.stages().get(0);
        PipCommand pip = first.pipCommands().get(0);
        assertThat(pip.requirementFiles()).singleElement().satisfies(f ->
                assertThat(f.contextCandidates()).containsExactly(requirements));
    }

    @Test
    void theSourceBuildsAreInTheHeaderAndTheBuilderInstallsTheirPackages() {
        CliRun run = dockerfile("-r", RESOURCES.resolve("slim-wheels.txt").toString(), "--image", "python:3.11-alpine");
        String text = run.out();
        assertThat(text).contains("# numpy 1.24.4 builds from source (compiled): build packages build-base gfortran")
                .contains("duckdb 1.4.4 builds from source (compiled): build packages build-base;")
                .contains("Alpine does not package duckdb")
                .contains("onnxruntime==1.23.2 cannot install on this image")
                .contains("Every requirement is pinned (slim-wheels.txt), so the builder runs pip wheel --no-deps")
                .contains("FROM python:3.11.").contains("-alpine3.24 AS builder")
                .contains("RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r slim-wheels.txt");
        assertThat(run.err()).contains("duckdb 1.4.4: what its build needs is not fully known")
                .contains("onnxruntime==1.23.2 cannot install on python:3.11-alpine");
    }

    @Test
    void nothingToBuildIsOneStageWithoutBuildTools() {
        CliRun run = dockerfile("-r", RESOURCES.resolve("slim-wheels.txt").toString(), "--image", "python:3.11-slim");
        assertThat(run.out()).doesNotContain("AS builder").doesNotContain("apt-get")
                .contains("RUN pip install --no-cache-dir -r slim-wheels.txt").contains("USER app");
    }

    @Test
    void writesToTheOutputFileWithTheContextOfItsDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(dir.resolve("requirements.txt"), "-r base.txt\npsycopg2==2.9.11\n");
        Files.writeString(dir.resolve("base.txt"), "requests==2.31.0\n");
        Path out = dir.resolve("Dockerfile");
        CliRun run = CliRun.run("dockerfile", "--index-url", Fixtures.mirrorFolder(tmp).toString(), "--no-cache",
                "-r", dir.resolve("requirements.txt").toString(), "--image", "python:3.12-slim", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote " + out);
        String text = Files.readString(out);
        assertThat(text).contains("COPY requirements.txt base.txt ./\n")
                .contains("-r requirements.txt\n");
        assertThat(DockerfileGrammar.check(text)).isEmpty();
    }

    @Test
    void inlineRequirementsArePassedQuoted() {
        CliRun run = dockerfile("psycopg2>=2.9", "--image", "python:3.12-slim");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("RUN pip wheel --no-cache-dir --wheel-dir /wheels 'psycopg2>=2.9'")
                .contains("Not every requirement is pinned (psycopg2>=2.9)");
        assertThat(DockerfileReader.read(run.out()).stages().get(0).pipCommands().get(0).requirements())
                .containsExactly("psycopg2>=2.9");
    }

    @Test
    void theSelectionOptionsAnalysedAreGivenToPip() {
        CliRun run = dockerfile("psycopg2==2.9.11", "--image", "python:3.12-slim", "--prefer-binary",
                "--no-binary", "psycopg2");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels --prefer-binary"
                + " --no-binary=psycopg2 \\\n        'psycopg2==2.9.11'\n").contains("# pip runs with --prefer-binary"
                + " --no-binary=psycopg2, as analysed.");
        PipCommand pip = DockerfileReader.read(run.out()).stages().get(0).pipCommands().get(0);
        assertThat(pip.preferBinary()).isTrue();
        assertThat(pip.noBinary()).containsExactly("psycopg2");
    }

    @Test
    void badInputWritesNothing() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "requests==2.31.0\n");
        CliRun run = dockerfile("-r", outside.toString(), "--image", "python:3.12-slim");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is outside the build context");
        assertThat(run.out()).isEmpty();
        CliRun badLine = dockerfile("numpy[extra", "--image", "python:3.12-slim");
        assertThat(badLine.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badLine.err()).contains("no Dockerfile written");
        CliRun distroless = dockerfile("requests==2.31.0", "--image", "gcr.io/distroless/python3-debian12");
        assertThat(distroless.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(distroless.err()).contains("no Dockerfile for gcr.io/distroless/python3-debian12");
        CliRun noImage = dockerfile("requests==2.31.0");
        assertThat(noImage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noImage.err()).contains("--image");
    }
}
