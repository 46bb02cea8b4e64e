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

class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String mirror() {
        return Fixtures.mirrorFolder(tmp).toString();
    }

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--index-url", mirror(),
                "--image", "python:3.12-alpine", "--image", "python:3.12-slim", "--no-cache"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private Path file(String name, String content) throws IOException {
        Path path = tmp.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static JsonNode outcome(JsonNode report, String requirement, String target) {
        for (JsonNode r : report.get("requirements")) {
            if (r.get("requirement").asText().equals(requirement)) {
                for (JsonNode o : r.get("outcomes")) {
                    if (o.get("target").asText().equals(target)) {
                        return o;
                    }
                }
            }
        }
        throw new AssertionError("no outcome for " + requirement + " on " + target + " in " + report);
    }

    @Test
    void demo_file_shows_source_builds_on_alpine_that_are_wheels_on_slim() throws IOException {
        Path demo = Path.of("..", "fixtures", "demo", "requirements.txt");
        CliRun run = check("-r", demo.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FOUND);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("schema").asInt()).isEqualTo(1);
        JsonNode alpine = outcome(report, "duckdb==1.4.4", "python:3.12-alpine");
        assertThat(alpine.get("verdict").asText()).isEqualTo("source-build");
        assertThat(alpine.get("file").asText()).isEqualTo("duckdb-1.4.4.tar.gz");
        assertThat(alpine.get("advice").get("targets_with_wheel").get(0).asText()).isEqualTo("python:3.12-slim");
        assertThat(outcome(report, "duckdb==1.4.4", "python:3.12-slim").get("verdict").asText()).isEqualTo("wheel");
        assertThat(outcome(report, "black==26.5.1", "python:3.12-alpine").get("verdict").asText()).isEqualTo("pure-wheel");
        assertThat(outcome(report, "onnxruntime==1.23.2", "python:3.12-alpine").get("verdict").asText())
                .isEqualTo("no-match");
        JsonNode requests = outcome(report, "requests>=2.31,<2.32.2", "python:3.12-slim");
        assertThat(requests.get("version").asText()).isEqualTo("2.31.0");
        assertThat(requests.get("size").asLong()).isPositive();
        JsonNode source = report.get("requirements").get(0).get("source");
        assertThat(source.asText()).endsWith("requirements.txt:7");
        JsonNode summary = report.get("summary").get(0);
        assertThat(summary.get("target").asText()).isEqualTo("python:3.12-alpine");
        assertThat(summary.get("counts").get("source-build").asInt()).isEqualTo(6);
        assertThat(summary.get("download_bytes").asLong()).isPositive();
    }

    @Test
    void text_table_has_a_column_per_image_and_a_summary_line_per_image() {
        CliRun run = check("duckdb==1.4.4", "black==26.5.1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FOUND);
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("requirement").contains("python:3.12-alpine").contains("python:3.12-slim");
        assertThat(lines[1]).startsWith("duckdb==1.4.4").contains("source-build 1.4.4").contains("wheel 1.4.4");
        assertThat(run.out()).contains("python:3.12-alpine: 1 wheel; 1 build from source: duckdb;")
                .contains("python:3.12-slim: 2 wheels;");
        assertThat(run.out()).doesNotContain("\u001b["); // not a terminal: no colour
    }

    @Test
    void fail_on_decides_exit_code() {
        assertThat(check("black==26.5.1").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check("duckdb==1.4.4", "--fail-on", "none").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check("black==26.5.1", "--fail-on", "pure-wheel").exitCode()).isEqualTo(ExitCodes.FOUND);
        CliRun bad = check("black==26.5.1", "--fail-on", "sourcebuild");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown verdict 'sourcebuild'");
    }

    @Test
    void bad_lines_are_reported_with_file_and_line_and_the_good_ones_are_still_analysed() throws IOException {
        Path reqs = file("requirements.txt", "black==26.5.1\nnumpy>=>1\nduckdb==1.4.4 ; python_version >= '3.12'\n");
        CliRun run = check("-r", reqs.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("requirements")).hasSize(2);
        assertThat(report.get("errors").get(0).get("source").asText()).contains("requirements.txt:2");
        assertThat(run.err()).contains("requirements.txt:2");
    }

    @Test
    void options_in_the_requirements_file_apply_as_in_pip() throws IOException {
        Path reqs = file("requirements.txt", "--only-binary :all:\npsycopg2==2.9.11\n");
        JsonNode report = JSON.readTree(check("-r", reqs.toString(), "--format", "json").out());
        assertThat(outcome(report, "psycopg2==2.9.11", "python:3.12-slim").get("verdict").asText()).isEqualTo("no-match");
        Path prefer = file("prefer.txt", "--prefer-binary\nnumpy>=1.25,<1.26.1\n");
        JsonNode preferred = JSON.readTree(check("-r", prefer.toString(), "--format", "json").out());
        // 1.26.0 has cp312 wheels, 1.25.x does not: with or without --prefer-binary the newest one with a wheel wins.
        assertThat(outcome(preferred, "numpy>=1.25,<1.26.1", "python:3.12-alpine").get("version").asText())
                .isEqualTo("1.26.0");
    }

    @Test
    void constraints_files_narrow_versions() throws IOException {
        Path constraints = file("constraints.txt", "numpy<1.26\n");
        JsonNode report = JSON.readTree(check("-c", constraints.toString(), "numpy>=1.25", "--format", "json").out());
        assertThat(outcome(report, "numpy>=1.25", "python:3.12-slim").get("version").asText()).isEqualTo("1.25.2");
    }

    @Test
    void markers_urls_and_unknown_projects_get_their_own_verdicts() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("local-project"));
        Path reqs = file("requirements.txt", String.join("\n",
                "tomli ; python_version < '3.11'",
                "pip @ https://example.invalid/pip-26.0-py3-none-any.whl",
                "-e " + project,
                "no-such-project-anywhere",
                ""));
        CliRun run = check("-r", reqs.toString(), "--format", "json");
        JsonNode report = JSON.readTree(run.out());
        assertThat(outcome(report, "tomli ; python_version < '3.11'", "python:3.12-slim").get("verdict").asText())
                .isEqualTo("not-needed");
        assertThat(report.get("requirements").get(1).get("outcomes").get(0).get("verdict").asText())
                .isEqualTo("not-analysed");
        assertThat(report.get("requirements").get(2).get("outcomes").get(0).get("verdict").asText())
                .isEqualTo("not-analysed");
        assertThat(outcome(report, "no-such-project-anywhere", "python:3.12-slim").get("verdict").asText())
                .isEqualTo("not-found");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void a_specifier_no_version_can_be_compared_with_is_a_bad_line_and_its_neighbours_are_analysed()
            throws IOException {
        // packaging parses "~=1.0.poſt1" ("ſ" folds to "s") and then fails on every comparison, as pip does.
        String bad = "six~=1.0.po\u017ft1";
        Path reqs = file("requirements.txt", bad + "\npytz\n");
        Path dockerfile = file("Dockerfile", "FROM python:3.12-slim\nRUN pip install \"" + bad + "\" pytz\n");
        for (CliRun run : List.of(check("-r", reqs.toString()), check(bad, "pytz"),
                CliRun.run("check", "--index-url", mirror(), "--no-cache", "--dockerfile", dockerfile.toString()))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).contains("pytz").contains("pure-wheel")
                    .contains("is not a PEP 440 version, so no version can be compared with it")
                    .doesNotContain("internal error");
        }
    }

    @Test
    void an_index_failure_is_an_error_never_a_success_and_exits_3() {
        CliRun run = CliRun.run("check", "--index-url", "http://127.0.0.1:9/simple/", "--retries", "0",
                "--timeout", "2", "--no-cache", "--image", "python:3.12-slim", "black", "--format", "json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INDEX_ERROR);
        assertThat(run.out()).contains("\"verdict\" : \"error\"");
    }

    @Test
    void markdown_is_a_table_with_a_column_per_image() {
        CliRun run = check("duckdb==1.4.4", "--format", "markdown");
        assertThat(run.out()).contains("| Requirement | python:3.12-alpine | python:3.12-slim |")
                .contains("| `duckdb==1.4.4` | ⚠️ source-build 1.4.4").contains("✅ wheel 1.4.4");
    }

    @Test
    void no_input_and_no_target_are_usage_errors() {
        assertThat(CliRun.run("check", "--image", "python:3.12-slim").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noTarget = CliRun.run("check", "black");
        assertThat(noTarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTarget.err()).contains("no target");
        CliRun unknownImage = CliRun.run("check", "black", "--image", "python:2.7-alpine");
        assertThat(unknownImage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownImage.err()).contains("python:2.7-alpine");
    }

    @Test
    void explain_shows_every_file_of_the_chosen_version() {
        CliRun run = CliRun.run("explain", "numpy==1.25.2", "--image", "python:3.12-alpine", "--index-url", mirror(),
                "--no-cache");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FOUND);
        assertThat(run.out()).contains("source-build: no wheel of numpy 1.25.2 fits python:3.12-alpine")
                .contains("1.25.2        chosen: numpy-1.25.2.tar.gz")
                .contains("numpy-1.25.2-cp311-cp311-musllinux_1_1_x86_64.whl")
                .contains("<- pip's pick");
        CliRun json = CliRun.run("explain", "black", "--image", "python:3.12-alpine", "--index-url", mirror(),
                "--no-cache", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json.out()).contains("\"verdict\" : \"pure-wheel\"");
    }

    @Test
    void environment_variables_in_requirements_files_come_from_the_run() throws IOException {
        Path reqs = file("requirements.txt", "black==${BLACK_VERSION}\n");
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.run(new String[] {"check", "-r", reqs.toString(), "--index-url", mirror(), "--no-cache",
            "--image", "python:3.12-slim", "--format", "json"}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(new java.io.StringWriter()), Map.of("BLACK_VERSION", "26.5.1"));
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"version\" : \"26.5.1\"");
    }
}
