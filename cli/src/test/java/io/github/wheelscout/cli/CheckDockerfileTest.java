package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --dockerfile}: each stage's installs analysed on its own base, what is not followed reported. */
class CheckDockerfileTest {

    private static final Path MULTISTAGE = AdviseCommandTest.RESOURCES.resolve("multistage/Dockerfile");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--index-url", Fixtures.mirrorFolder(tmp).toString(),
                "--no-cache"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static List<String> list(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void eachStageIsAnalysedOnItsOwnArgParameterisedBase() throws IOException {
        CliRun run = check("--dockerfile", MULTISTAGE.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FOUND);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(list(doc.get("targets"), "id")).containsExactly("python:3.11-alpine", "python:3.11-slim");
        assertThat(list(doc.get("dockerfile").get("stages"), "image")).containsExactly("python:3.11-alpine",
                "python:3.11-slim", "python:3.11-slim");
        assertThat(list(doc.get("dockerfile").get("stages"), "from")).containsExactly("${BUILDER_IMAGE}",
                "python:${PYTHON_VERSION}-slim", "runtime");
        List<String> rows = new ArrayList<>();
        for (JsonNode r : doc.get("requirements")) {
            assertThat(r.get("outcomes")).hasSize(1);
            JsonNode o = r.get("outcomes").get(0);
            rows.add(r.get("stage").asText() + " | " + r.get("requirement").asText() + " | " + o.get("target").asText()
                    + " | " + o.get("verdict").asText());
        }
        assertThat(rows).containsExactly(
                "wheels (line 7) | numpy==1.24.4 | python:3.11-alpine | source-build",
                "wheels (line 7) | psycopg2==2.9.11 | python:3.11-alpine | source-build",
                "wheels (line 7) | pytz==2025.2 | python:3.11-alpine | pure-wheel",
                "runtime (line 13) | requests==2.31.0 | python:3.11-slim | pure-wheel",
                // --only-binary=:all: on the test stage's command rules out langdetect's only file, its sdist
                "test (line 19) | langdetect==1.0.9 | python:3.11-slim | no-match",
                "test (line 19) | black==26.5.1 | python:3.11-slim | wheel");
        JsonNode slim = doc.get("summary").get(1);
        assertThat(slim.get("target").asText()).isEqualTo("python:3.11-slim");
        assertThat(slim.get("counts").get("pure-wheel").asInt()).isEqualTo(1);
        assertThat(slim.get("counts").get("wheel").asInt()).isEqualTo(1);
        assertThat(slim.get("counts").get("no-match").asInt()).isEqualTo(1);
        JsonNode unfollowed = doc.get("dockerfile").get("unfollowed");
        assertThat(unfollowed).extracting(u -> u.get("line").asInt()).containsExactly(22, 24);
        assertThat(unfollowed.get(0).get("reason").asText()).contains("/etc/requirements.txt")
                .contains("not in the build context");
        assertThat(unfollowed.get(1).get("reason").asText()).contains("local path /app");
        assertThat(doc.get("requirements").get(0).get("source").asText()).endsWith("requirements/base.txt:1");
    }

    @Test
    void buildArgumentsChooseTheBases() throws IOException {
        CliRun run = check("--dockerfile", MULTISTAGE.toString(), "--build-arg", "PYTHON_VERSION=3.12",
                "--build-arg", "FLAVOUR=slim", "--format", "json");
        JsonNode doc = JSON.readTree(run.out());
        assertThat(list(doc.get("targets"), "id")).containsExactly("python:3.12-slim");
        assertThat(doc.get("summary")).hasSize(1);
        assertThat(doc.get("summary").get(0).get("counts").get("source-build").asInt()).isEqualTo(2);
    }

    @Test
    void theTextReportHasATablePerBaseAndTheLinesNotFollowed() {
        CliRun run = check("--dockerfile", MULTISTAGE.toString());
        assertThat(run.out()).contains("Dockerfile: stage wheels (line 7) on python:3.11-alpine\n")
                .contains("Dockerfile: stage test (line 19) on python:3.11-slim\n")
                .contains("Not followed in ").contains("  line 24: pip installs the local path /app");
    }

    @Test
    void aPlatformOnFromIsTheArchitecture(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "cryptography==46.0.4\n");
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), """
                FROM --platform=linux/arm/v7 python:3.12-alpine
                COPY requirements.txt /tmp/
                RUN pip install -r /tmp/requirements.txt
                """);
        JsonNode doc = JSON.readTree(check("--dockerfile", dockerfile.toString(), "--format", "json").out());
        assertThat(list(doc.get("targets"), "id")).containsExactly("python:3.12-alpine (linux/arm/v7)");
        assertThat(doc.get("requirements").get(0).get("outcomes").get(0).get("verdict").asText())
                .isEqualTo("source-build");
    }

    @Test
    void unknownBasesAndMissingFilesAreReportedNotGuessed(@TempDir Path dir) throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), """
                ARG BASE
                FROM ${BASE}
                RUN pip install flask
                FROM registry.example/team/python:3.12
                RUN pip install flask
                FROM python:3.12-slim
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                """);
        CliRun run = check("--dockerfile", dockerfile.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("dockerfile").get("unfollowed")).extracting(u -> u.get("line").asInt())
                .containsExactly(2, 4, 8);
        assertThat(run.err()).contains("nothing to check");
    }

    @Test
    void theDockerfileIsTheOnlyInput() {
        CliRun run = check("--dockerfile", MULTISTAGE.toString(), "-r", "requirements.txt");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dockerfile takes the requirements and the images from the Dockerfile");
        CliRun missing = check("--dockerfile", tmp.resolve("nope/Dockerfile").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope").contains("no such file");
    }

    @Test
    void theLoaderIsUsableWithoutPicocli() {
        DockerfileInputs.Loaded loaded = DockerfileInputs.load(MULTISTAGE, Map.of("PYTHON_VERSION", "3.13"), Map.of());
        assertThat(loaded.installs()).extracting(DockerfileInputs.Installs::label).containsExactly(
                "stage wheels (line 7) on python:3.13-alpine", "stage runtime (line 13) on python:3.13-slim",
                "stage test (line 19) on python:3.13-slim");
        assertThat(loaded.installs().get(2).options()).extracting(o -> o.toString())
                .containsExactly("--only-binary :all:");
        assertThat(loaded.requirements()).hasSize(6);
    }
}
