package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelscout check --deep} on the fixtures' mirror (real projects, release metadata derived from uv locks). */
class CheckDeepCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.toString());
        env.put("NO_COLOR", "1");
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(exit, out.toString(), err.toString());
    }

    private String mirror() {
        return Fixtures.mirrorFolder(tmp).toString();
    }

    @Test
    void text_lists_every_package_with_the_chain_that_brings_it() {
        Run r = run("check", "--deep", "--no-progress", "-i", mirror(), "--image", "python:3.12-alpine",
                "--image", "python:3.12-slim", "psycopg[c]==3.3.0", "pikepdf");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FOUND);
        assertThat(r.out()).startsWith("requirement").contains(" via ")
                .containsPattern("psycopg-c +psycopg → psycopg-c +source-build 3\\.3\\.0")
                .containsPattern("lxml +pikepdf → lxml +wheel 6\\.1\\.1")
                .contains("psycopg-c (via psycopg → psycopg-c) on python:3.12-alpine: source-build")
                .contains("python:3.12-alpine: 6 wheels; 1 build from source: psycopg-c;");
    }

    @Test
    void json_gains_via_and_the_resolutions_and_keeps_schema_1() throws IOException {
        Run r = run("check", "--deep", "--no-progress", "--format", "json", "-i", mirror(), "--image",
                "python:3.12-slim", "pandas");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"schema\" : 1", "\"deep\" : true", "\"resolution\" : \"resolved\"",
                "\"dependencies_unknown\" : [ ]", "\"missing_from_file\" : null", "\"status\" : \"resolved\"",
                "\"required_by\"", "\"dependencies\" : \"known\"");
        assertThat(r.out()).containsPattern("\"name\" : \"six\",\\s+\"requirement\" : \"six\",\\s+"
                + "\"source\" : null,\\s+\"via\" : \\[ \"pandas\", \"python-dateutil\", \"six\" \\]");
        assertThat(r.out()).containsPattern("\"name\" : \"pandas\",\\s+\"requirement\" : \"pandas\",\\s+"
                + "\"source\" : null,\\s+\"via\" : \\[ \\]");
        assertWellFormed(r.out());
    }

    @Test
    void a_plain_check_keeps_its_json_and_gains_only_empty_new_fields() throws IOException {
        Run r = run("check", "--no-progress", "--format", "json", "-i", mirror(), "--image", "python:3.12-slim",
                "pandas");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"deep\" : false", "\"via\" : [ ]", "\"resolutions\" : [ ]",
                "\"resolution\" : null").doesNotContain("\"numpy\"");
        assertWellFormed(r.out());
    }

    @Test
    void a_pinned_file_is_confirmed_or_its_missing_pins_named() throws IOException {
        Path file = tmp.resolve("requirements.txt");
        Files.writeString(file, "pandas==2.3.3\nnumpy==2.4.6\npython-dateutil==2.9.0.post0\n");
        Run r = run("check", "--deep", "--no-progress", "-i", mirror(), "--image", "python:3.12-slim", "-r",
                file.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("python:3.12-slim: the requirements are pinned, but pip also installs packages"
                + " they do not list: pytz==2026.3.post1, tzdata==2026.2, six==1.17.0");

        Files.writeString(file, "pandas==2.3.3\nnumpy==2.4.6\npython-dateutil==2.9.0.post0\nsix==1.17.0\n"
                + "pytz==2026.3.post1\ntzdata==2026.2\n");
        Run pinned = run("check", "--deep", "--no-progress", "--format", "markdown", "-i", mirror(), "--image",
                "python:3.12-slim", "-r", file.toString());
        assertThat(pinned.out()).contains("| Requirement | Via |")
                .contains("python:3.12-slim: the requirements pin every package pip installs");
    }

    @Test
    void an_unresolvable_set_fails_with_the_conflict_explained() {
        // celery 4.4.0's metadata has "pytz (>dev)", which pip 24.1 and later reject: pip skips the version.
        Run r = run("check", "--deep", "--no-progress", "-i", mirror(), "--image", "python:3.12-slim",
                "celery==4.4.0");

        assertThat(r.exit()).isEqualTo(ExitCodes.FOUND);
        assertThat(r.out()).contains("The install fails on python:3.12-slim:")
                .contains("Ignored celery 4.4.0: its metadata has an invalid Requires-Dist 'pytz (>dev)'")
                .contains("No matching distribution found for celery==4.4.0")
                .contains("python:3.12-slim: pip's resolver fails, nothing is installed;");
    }

    @Test
    void unknown_dependencies_are_reported_and_exit_3() {
        // requests 2.28.0 is in the mirror without release metadata.
        Run r = run("check", "--deep", "--no-progress", "-i", mirror(), "--image", "python:3.12-slim",
                "requests==2.28.0");

        assertThat(r.exit()).isEqualTo(ExitCodes.INDEX_ERROR);
        assertThat(r.out()).contains("dependencies unknown (the install may hold more): requests 2.28.0");
    }

    private static void assertWellFormed(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                assertThat(p.currentToken()).isNotEqualTo(JsonToken.NOT_AVAILABLE);
            }
        }
    }
}
