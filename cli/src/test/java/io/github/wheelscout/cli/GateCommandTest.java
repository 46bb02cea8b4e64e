package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code wheelscout gate} end to end on the fixtures' mirror: real base/head pairs of real projects (pyarrow 23.0.0
 * has musllinux wheels, 17.0.0 has none; psutil 7.2.1 has them, 5.9.8 has none; shapely 2.1.2 has them, 2.0.6
 * has none; duckdb 1.4.4 and psycopg2 2.9.11 build from source on Alpine).
 */
class GateCommandTest {

    private static final String ALPINE = "python:3.12-alpine";
    private static final String SLIM = "python:3.12-slim";

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", tmp.toString());
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), e);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code gate --base BASE --head HEAD -i MIRROR --no-cache --image ALPINE --image SLIM EXTRA...}. */
    private Run gate(String base, Path head, String... extra) {
        return gate(Map.of(), base, head, extra);
    }

    private Run gate(Map<String, String> env, String base, Path head, String... extra) {
        List<String> args = new ArrayList<>(List.of("gate", "--base", base, "--head", head.toString(),
                "--index-url", mirror(), "--no-cache", "--image", ALPINE, "--image", SLIM));
        args.addAll(Arrays.asList(extra));
        return run(env, args.toArray(String[]::new));
    }

    private String mirror() {
        return Fixtures.mirrorFolder(tmp).toString();
    }

    private Path file(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    /** The change of {@code project} on {@code target} in a JSON report. */
    private static JsonNode change(JsonNode report, String project, String target) {
        for (JsonNode r : report.get("requirements")) {
            if (r.get("name").asText().equals(project)) {
                for (JsonNode c : r.get("changes")) {
                    if (c.get("target").asText().equals(target)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no change of " + project + " on " + target + " in " + report);
    }

    // ---- kinds of change and exit codes 0 and 1 ------------------------------------------------------------------

    @Test
    void aDowngradeLosingTheMusllinuxWheelIsARegressionAndExitsOne() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\n");
        Path head = file("head.txt", "pyarrow==17.0.0\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(report.get("schema").asInt()).isEqualTo(1);
        assertThat(report.get("status").asText()).isEqualTo("fail");
        JsonNode alpine = change(report, "pyarrow", ALPINE);
        assertThat(alpine.get("change").asText()).isEqualTo("regression");
        assertThat(alpine.get("fails").asBoolean()).isTrue();
        assertThat(alpine.get("base_version").asText()).isEqualTo("23.0.0");
        assertThat(alpine.get("head_version").asText()).isEqualTo("17.0.0");
        assertThat(alpine.get("source").asText()).isEqualTo(head + ":1");
        assertThat(alpine.at("/base/verdict").asText()).isEqualTo("wheel");
        assertThat(alpine.at("/base/file").asText()).isEqualTo("pyarrow-23.0.0-cp312-cp312-musllinux_1_2_x86_64.whl");
        assertThat(alpine.at("/head/verdict").asText()).isEqualTo("source-build");
        assertThat(alpine.at("/head/file").asText()).isEqualTo("pyarrow-17.0.0.tar.gz");
        assertThat(alpine.at("/head/advice/newer_with_wheel").asText()).isEqualTo("23.0.0");
        assertThat(alpine.at("/head/advice/targets_with_wheel/0").asText()).isEqualTo(SLIM);
        assertThat(alpine.get("message").asText()).startsWith(
                "pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now a source build.");
        JsonNode slim = change(report, "pyarrow", SLIM);
        assertThat(slim.get("change").asText()).isEqualTo("unchanged");
        assertThat(slim.get("fails").asBoolean()).isFalse();
        assertThat(report.at("/summary/regression").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/unchanged").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/failing").asInt()).isEqualTo(1);
    }

    @Test
    void anUpgradeThatGainsWheelsIsFixedAndExitsZero() throws IOException {
        Path base = file("base.txt", "shapely==2.0.6\npsutil==5.9.8\nnumpy==1.26.4\n");
        Path head = file("head.txt", "shapely==2.1.2\npsutil==7.2.1\nnumpy==2.3.2\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode report = json(r.out());
        assertThat(report.get("status").asText()).isEqualTo("pass");
        assertThat(change(report, "shapely", ALPINE).get("change").asText()).isEqualTo("fixed");
        assertThat(change(report, "psutil", ALPINE).get("change").asText()).isEqualTo("fixed");
        assertThat(change(report, "shapely", SLIM).get("change").asText()).isEqualTo("unchanged");
        JsonNode numpy = change(report, "numpy", ALPINE);
        assertThat(numpy.get("change").asText()).isEqualTo("unchanged");
        assertThat(numpy.get("base_version").asText()).isEqualTo("1.26.4");
        assertThat(numpy.get("head_version").asText()).isEqualTo("2.3.2");
    }

    @Test
    void aNewRequirementThatBuildsFromSourceIsANewBuildAndOneWithWheelsIsAdded() throws IOException {
        Path base = file("base.txt", "requests>=2.31,<2.32.2\n");
        Path head = file("head.txt", "requests>=2.31,<2.32.2\nduckdb==1.4.4\npytz==2025.2\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = json(r.out());
        JsonNode duckdb = change(report, "duckdb", ALPINE);
        assertThat(duckdb.get("change").asText()).isEqualTo("new-build");
        assertThat(duckdb.get("base").isNull()).isTrue();
        assertThat(duckdb.get("base_version").isNull()).isTrue();
        assertThat(duckdb.get("head_version").asText()).isEqualTo("1.4.4");
        assertThat(duckdb.get("source").asText()).isEqualTo(head + ":2");
        assertThat(change(report, "duckdb", SLIM).get("change").asText()).isEqualTo("added");
        assertThat(change(report, "pytz", ALPINE).get("change").asText()).isEqualTo("added");
        assertThat(change(report, "requests", ALPINE).get("change").asText()).isEqualTo("unchanged");
    }

    @Test
    void aRequirementNewlyNeededOnATargetByItsMarkerIsANewBuild() throws IOException {
        Path base = file("base.txt", "psutil==5.9.8; platform_machine == 'aarch64'\n");
        Path head = file("head.txt", "psutil==5.9.8\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode alpine = change(json(r.out()), "psutil", ALPINE);
        assertThat(alpine.get("change").asText()).isEqualTo("new-build");
        assertThat(alpine.at("/base/verdict").asText()).isEqualTo("not-needed");
        assertThat(alpine.get("message").asText()).startsWith("psutil 5.9.8 on python:3.12-alpine: newly needed here,"
                + " a source build.");
    }

    @Test
    void aRemovedSourceBuildIsFixedAndARemovedWheelIsRemoved() throws IOException {
        Path base = file("base.txt", "psycopg2==2.9.11\npytz==2025.2\nrequests>=2.31,<2.32.2\n");
        Path head = file("head.txt", "requests>=2.31,<2.32.2\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode report = json(r.out());
        JsonNode psycopg2 = change(report, "psycopg2", ALPINE);
        assertThat(psycopg2.get("change").asText()).isEqualTo("fixed");
        assertThat(psycopg2.get("head").isNull()).isTrue();
        assertThat(psycopg2.get("source").asText()).isEqualTo(base + ":1");
        assertThat(change(report, "pytz", SLIM).get("change").asText()).isEqualTo("removed");
        assertThat(report.at("/requirements/1/head_requirement").isNull()).isTrue();
    }

    @Test
    void namesMatchCanonicallyAndAProjectListedTwiceDoesNotConfuseTheGate() throws IOException {
        Path base = file("base.txt", "PyArrow[pandas]==23.0.0\n");
        Path head = file("head.txt", "pyarrow==17.0.0; python_version >= '3.12'\n"
                + "pyarrow==17.0.0; python_version < '3.12'\npy_arrow_other==1.0; python_version < '3.0'\n");

        Run r = gate(base.toString(), head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(report.get("requirements")).hasSize(2);
        assertThat(report.at("/requirements/0/base_requirement").asText()).isEqualTo("PyArrow[pandas]==23.0.0");
        assertThat(change(report, "pyarrow", ALPINE).get("change").asText()).isEqualTo("regression");
        assertThat(change(report, "py-arrow-other", ALPINE).get("change").asText()).isEqualTo("added");
    }

    @Test
    void textNamesEachChangeWithItsLineReasonAndAdviceThenTheVerdict() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\nshapely==2.0.6\n");
        Path head = file("head.txt", "pyarrow==17.0.0\nshapely==2.1.2\n");

        Run r = gate(base.toString(), head);

        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("wheelscout gate: base " + base + ", head " + head
                + " on python:3.12-alpine, python:3.12-slim");
        assertThat(lines.get(2)).isEqualTo("regression   pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now"
                + " a source build (" + head + ":1)");
        assertThat(lines.get(3)).startsWith("             no wheel of pyarrow 17.0.0 fits python:3.12-alpine");
        assertThat(lines.get(4)).startsWith("             advice: Nearest versions with a wheel here, outside the"
                + " requirement: 23.0.0 (newer).");
        assertThat(lines.get(5)).isEqualTo("fixed        shapely 2.0.6 → 2.1.2 on python:3.12-alpine: was a source"
                + " build, now a wheel (" + head + ":2)");
        assertThat(lines).endsWith("1 regression, 1 fixed, 2 unchanged.",
                "FAIL: 1 regression or new build not accepted by the baseline");
    }

    @Test
    void markdownIsATableOfTheChangesWithTheUnchangedFoldedAway() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\nshapely==2.0.6\n");
        Path head = file("head.txt", "pyarrow==17.0.0\nshapely==2.1.2\n");

        Run r = gate(base.toString(), head, "--format", "markdown");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("### ❌ wheelscout gate: FAIL\n")
                .contains("| | Requirement | Target | Change | Base | Head |\n|---|---|---|---|---|---|\n"
                        + "| ❌ | `pyarrow==17.0.0` | python:3.12-alpine | regression | wheel 23.0.0 |"
                        + " source-build 17.0.0 |\n"
                        + "| ✅ | `shapely==2.1.2` | python:3.12-alpine | fixed | source-build 2.0.6 | wheel 2.1.2 |\n")
                .contains("<details><summary>2 unchanged</summary>")
                .contains("| ➖ | `pyarrow==17.0.0` | python:3.12-slim | unchanged | wheel 23.0.0 | wheel 17.0.0 |");
    }

    @Test
    void theReadmesGateDemoPrintsWhatTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md").toAbsolutePath().normalize());
        String start = "```\nwheelscout gate: base fixtures/demo/gate-base.txt";
        int from = readme.indexOf(start);
        assertThat(from).as("README.md shows the gate demo's output").isPositive();
        String shown = readme.substring(from + 4, readme.indexOf("```", from + 4));
        Path demo = Path.of("..", "fixtures", "demo");

        Run r = run(Map.of(), "gate", "--base", demo.resolve("gate-base.txt").toString(), "--head",
                demo.resolve("gate-head.txt").toString(), "--index-url", mirror(), "--no-cache", "--image", ALPINE,
                "--image", SLIM, "--baseline", demo.resolve("gate-baseline.json").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        // The same, but for the paths: run from cli/, they start with ../ outside a git checkout.
        assertThat(r.out().replace("../fixtures/", "fixtures/")).isEqualTo(shown);
    }

    // ---- baseline -----------------------------------------------------------------------------------------------

    @Test
    void aBaselineEntryAcceptsItsBuildOnlyWhileItHasNotExpiredAndUnrelatedEntriesChangeNothing() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\npsutil==7.2.1\n");
        Path head = file("head.txt", "pyarrow==17.0.0\npsutil==5.9.8\n");
        Path accepting = file("accepting.json", """
                {"schema": 1, "accepted": [
                  {"name": "PyArrow", "versions": ">=17,<18", "target": "python:*-alpine", "reason": "built in CI",
                   "expires": "2999-12-31"},
                  {"name": "psutil", "target": "python:3.12-alpine", "reason": "only needs gcc"}
                ]}
                """);
        Path expired = file("expired.json", """
                {"schema": 1, "accepted": [
                  {"name": "pyarrow", "target": "*", "reason": "until the upgrade", "expires": "2020-01-31"},
                  {"name": "psutil", "reason": "only needs gcc"}
                ]}
                """);
        Path unrelated = file("unrelated.json", """
                {"schema": 1, "accepted": [
                  {"name": "pyarrow", "versions": "==16.1.0", "reason": "another version"},
                  {"name": "pyarrow", "target": "python:3.12-slim", "reason": "another image"},
                  {"name": "numpy", "reason": "another project"},
                  {"name": "psutil", "reason": "only needs gcc"}
                ]}
                """);

        Run ok = gate(base.toString(), head, "--baseline", accepting.toString(), "--format", "json");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(0);
        JsonNode accepted = change(json(ok.out()), "pyarrow", ALPINE);
        assertThat(accepted.get("change").asText()).isEqualTo("regression");
        assertThat(accepted.get("fails").asBoolean()).isFalse();
        assertThat(accepted.at("/baseline/status").asText()).isEqualTo("accepted");
        assertThat(accepted.at("/baseline/entry/reason").asText()).isEqualTo("built in CI");
        assertThat(json(ok.out()).at("/summary/accepted").asInt()).isEqualTo(2);

        Run late = gate(base.toString(), head, "--baseline", expired.toString());
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.out()).contains("baseline entry expired on 2020-01-31 (pyarrow on * until 2020-01-31): until"
                + " the upgrade").contains("baseline: entry pyarrow on * until 2020-01-31 expired on 2020-01-31");

        Run other = gate(base.toString(), head, "--baseline", unrelated.toString(), "--format", "json");
        assertThat(other.exit()).isEqualTo(1);
        JsonNode report = json(other.out());
        assertThat(change(report, "pyarrow", ALPINE).get("baseline").isNull()).isTrue();
        assertThat(change(report, "psutil", ALPINE).at("/baseline/status").asText()).isEqualTo("accepted");
        assertThat(report.at("/baseline/unused")).extracting(n -> n.get("reason").asText())
                .containsExactly("another version", "another image", "another project");
    }

    @Test
    void writeBaselineAcceptsEveryBuildOfTheHeadSoThatTheNextRunPasses() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\n");
        Path head = file("head.txt", "pyarrow==17.0.0\nduckdb==1.4.4\npsycopg2==2.9.11\n");
        Path written = tmp.resolve("out/baseline.json");

        Run first = gate(base.toString(), head, "--write-baseline", written.toString());

        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.err()).contains("wrote 4 accepted builds to " + written);
        JsonNode baseline = json(Files.readString(written));
        assertThat(baseline.get("schema").asInt()).isEqualTo(1);
        assertThat(baseline.get("accepted")).extracting(e -> e.get("name").asText() + e.get("versions").asText()
                + " on " + e.get("target").asText()).containsExactly("pyarrow==17.0.0 on python:3.12-alpine",
                "duckdb==1.4.4 on python:3.12-alpine", "psycopg2==2.9.11 on python:3.12-alpine",
                "psycopg2==2.9.11 on python:3.12-slim");

        Run second = gate(base.toString(), head, "--baseline", written.toString());
        assertThat(second.exit()).as(second.out()).isEqualTo(0);
    }

    @Test
    void aBadBaselineIsBadInputNamingTheFileLineAndColumn() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\n");
        Path head = file("head.txt", "pyarrow==17.0.0\n");
        Path typo = file("typo.json", "{\"schema\": 1, \"accepted\": [\n  {\"name\": \"pyarrow\", \"reason\": \"x\","
                + " \"expire\": \"2026-01-01\"}\n]}\n");

        Run r = gate(base.toString(), head, "--baseline", typo.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("baseline " + typo + ":2:").contains("entry 1: unknown field \"expire\"");
        assertThat(gate(base.toString(), head, "--baseline", tmp.resolve("none.json").toString()).err())
                .contains("baseline " + tmp.resolve("none.json") + ": no such file");
    }

    // ---- git:REV bases ------------------------------------------------------------------------------------------

    @Test
    void aGitRevisionBaseReadsTheSamePathAndItsIncludesAtThatRevision() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("services/api/requirements.txt", "pyarrow==23.0.0\n-r ../common.txt\n");
        repo.write("services/common.txt", "psycopg2==2.9.11\nrequests>=2.31,<2.32.2\n");
        repo.commit("base");
        Path head = repo.write("services/api/requirements.txt", "pyarrow==17.0.0\n-r ../common.txt\n");
        repo.write("services/common.txt", "requests>=2.31,<2.32.2\n");
        repo.commit("head");

        Run r = gate("git:HEAD~1", head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(report.get("base").asText()).startsWith("git:HEAD~1 (");
        JsonNode pyarrow = change(report, "pyarrow", ALPINE);
        assertThat(pyarrow.get("change").asText()).isEqualTo("regression");
        // sources are relative to the repository's root, as GitHub wants them
        assertThat(pyarrow.get("source").asText()).isEqualTo("services/api/requirements.txt:1");
        assertThat(report.at("/requirements/0/base_source").asText())
                .isEqualTo("HEAD~1:services/api/requirements.txt:1");
        // psycopg2 came from the include as it was at HEAD~1
        JsonNode psycopg2 = change(report, "psycopg2", ALPINE);
        assertThat(psycopg2.get("change").asText()).isEqualTo("fixed");
        assertThat(psycopg2.get("source").asText()).isEqualTo("HEAD~1:services/common.txt:1");
        assertThat(change(report, "requests", SLIM).get("change").asText()).isEqualTo("unchanged");
    }

    @Test
    void aGitBaseComparesWithTheCommittedFileWhileTheHeadIsTheWorkingCopy() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        Path head = repo.write("requirements.txt", "psutil==7.2.1\n");
        repo.commit("base");
        Files.writeString(head, "psutil==5.9.8\n");

        Run r = gate("git:main", head);

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("regression   psutil 7.2.1 → 5.9.8 on python:3.12-alpine: was a wheel, now a"
                + " source build (requirements.txt:1)");
    }

    @Test
    void aPyprojectHeadIsComparedWithThePyprojectAtTheRevision() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("pyproject.toml", "[project]\nname = \"app\"\ndependencies = [\n  \"shapely==2.0.6\",\n]\n");
        repo.commit("base");
        Path head = repo.write("pyproject.toml", "[project]\nname = \"app\"\ndependencies = [\n  \"shapely==2.1.2\",\n"
                + "  \"duckdb==1.4.4\",\n]\n");

        Run r = gate("git:main", head, "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = json(r.out());
        assertThat(change(report, "shapely", ALPINE).get("change").asText()).isEqualTo("fixed");
        JsonNode duckdb = change(report, "duckdb", ALPINE);
        assertThat(duckdb.get("change").asText()).isEqualTo("new-build");
        assertThat(duckdb.get("source").asText()).isEqualTo("pyproject.toml:5");
    }

    @Test
    void aFileMissingAtTheRevisionMakesAnEmptyBaseAndSaysSo() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("README.md", "x\n");
        repo.commit("base");
        Path head = repo.write("requirements.txt", "duckdb==1.4.4\n");

        Run r = gate("git:main", head, "--format", "json");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("requirements.txt does not exist at main: the base is empty");
        assertThat(change(json(r.out()), "duckdb", ALPINE).get("change").asText()).isEqualTo("new-build");
    }

    @Test
    void anUnknownRevisionOrAHeadOutsideARepositoryIsBadInput() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        Path head = repo.write("requirements.txt", "pytz==2025.2\n");
        repo.commit("base");

        Run unknown = gate("git:origin/main", head);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--base git:origin/main: git knows no commit 'origin/main'")
                .contains("git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main");

        Path outside = file("elsewhere/requirements.txt", "pytz==2025.2\n");
        Run noRepo = gate("git:HEAD", outside);
        assertThat(noRepo.exit()).isEqualTo(2);
        assertThat(noRepo.err()).contains("is not in a git repository");
    }

    // ---- github and junit -----------------------------------------------------------------------------------------

    @Test
    void githubFormatAnnotatesTheHeadLinesAndAppendsAMarkdownStepSummary() throws IOException {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("requirements.txt", "pyarrow==23.0.0\nshapely==2.0.6\npsycopg2==2.9.11\n");
        repo.commit("base");
        Path head = repo.write("requirements.txt", "shapely==2.1.2\npyarrow==17.0.0\nduckdb==1.4.4\n");
        Path summary = file("summary.md", "earlier step\n");

        Run r = run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "gate", "--base", "git:main", "--head",
                head.toString(), "-i", mirror(), "--no-cache", "--image", ALPINE, "--format", "github");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("::error file=requirements.txt,line=2,title=wheelscout gate%3A regression"
                + " on python%3A3.12-alpine::pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now a source"
                + " build. no wheel of pyarrow 17.0.0 fits python:3.12-alpine");
        assertThat(lines.get(1)).startsWith("::error file=requirements.txt,line=3,title=wheelscout gate%3A new build"
                + " on python%3A3.12-alpine::duckdb 1.4.4 on python:3.12-alpine: new requirement, a source build.");
        assertThat(lines.get(2)).isEqualTo("::notice file=requirements.txt,line=1,title=wheelscout gate%3A fixed on"
                + " python%3A3.12-alpine::shapely 2.0.6 → 2.1.2 on python:3.12-alpine: was a source build, now a wheel.");
        assertThat(lines.get(3)).isEqualTo("::notice title=wheelscout gate%3A fixed on python%3A3.12-alpine::psycopg2"
                + " 2.9.11 on python:3.12-alpine: was a source build, no longer required.");
        assertThat(lines.get(4)).isEqualTo("wheelscout gate: 1 regression, 1 new build, 2 fixed. FAIL: 2 regressions or"
                + " new builds not accepted by the baseline");
        assertThat(Files.readString(summary)).startsWith("earlier step\n### ❌ wheelscout gate: FAIL\n")
                .contains("| ❌ | `pyarrow==17.0.0` | python:3.12-alpine | regression | wheel 23.0.0 |");
    }

    @Test
    void junitIsValidXmlWithOneTestCasePerRequirementAndTarget() throws Exception {
        Path base = file("base.txt", "pyarrow==23.0.0\nshapely==2.0.6\nuvloop==0.22.1; python_version < '3'\n");
        Path head = file("head.txt", "pyarrow==17.0.0\nshapely==2.1.2\nuvloop==0.22.1; python_version < '3'\n"
                + "duckdb==1.4.4\n");

        Run r = gate(base.toString(), head, "--format", "junit");

        assertThat(r.exit()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(r.out())));
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("8");
        assertThat(suites.getAttribute("failures")).isEqualTo("2");
        assertThat(suites.getAttribute("errors")).isEqualTo("0");
        assertThat(suites.getAttribute("skipped")).isEqualTo("2");
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        assertThat(suiteList.getLength()).isEqualTo(2);
        Element alpine = (Element) suiteList.item(0);
        assertThat(alpine.getAttribute("name")).isEqualTo(ALPINE);
        NodeList cases = alpine.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element pyarrow = (Element) cases.item(0);
        assertThat(pyarrow.getAttribute("name")).isEqualTo("pyarrow==17.0.0 [python:3.12-alpine]");
        assertThat(pyarrow.getAttribute("classname")).isEqualTo("wheelscout.gate");
        assertThat(pyarrow.getAttribute("file")).isEqualTo(head.toString());
        assertThat(pyarrow.getAttribute("line")).isEqualTo("1");
        Element failure = (Element) pyarrow.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("regression");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine: was a wheel, now a source build");
        Element shapely = (Element) cases.item(1);
        assertThat(shapely.getElementsByTagName("failure").getLength()).isZero();
        assertThat(shapely.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("shapely 2.0.6 → 2.1.2 on python:3.12-alpine: was a source build, now a wheel.");
        Element uvloop = (Element) cases.item(2);
        assertThat(uvloop.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        Element duckdb = (Element) cases.item(3);
        assertThat(((Element) duckdb.getElementsByTagName("failure").item(0)).getAttribute("type"))
                .isEqualTo("new-build");
        Element slim = (Element) suiteList.item(1);
        assertThat(slim.getAttribute("failures")).isEqualTo("0");
        assertThat(slim.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    }

    // ---- exit codes 2 and 3 ---------------------------------------------------------------------------------------

    @Test
    void aBadLineIsBadInputButTheGoodLinesAreStillCompared() throws IOException {
        Path base = file("base.txt", "pyarrow==23.0.0\n");
        Path head = file("head.txt", "pyarrow==17.0.0\nnumpy>=>1\n");

        Run r = gate(base.toString(), head);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("regression   pyarrow 23.0.0 → 17.0.0 on python:3.12-alpine")
                .contains("Input errors (these lines were not compared):").contains(head + ":2:6: Invalid requirement");

        Run github = gate(base.toString(), head, "--format", "github");
        assertThat(github.exit()).isEqualTo(2);
        assertThat(github.out().lines().findFirst().orElseThrow())
                .startsWith("::error file=" + head + ",line=2,title=wheelscout gate%3A bad input::" + head
                        + ":2:6: Invalid requirement: 'numpy>=>1'");
    }

    @Test
    void missingFilesAndMissingOptionsAreBadUsage() throws IOException {
        Path head = file("head.txt", "pytz\n");

        Run noHead = gate(head.toString(), tmp.resolve("nope.txt"));
        assertThat(noHead.exit()).isEqualTo(2);
        assertThat(noHead.err()).contains("--head " + tmp.resolve("nope.txt") + ": no such file");
        Run noBase = gate(tmp.resolve("nope.txt").toString(), head);
        assertThat(noBase.exit()).isEqualTo(2);
        assertThat(noBase.err()).contains("no such file (for a git revision of the head file, write --base git:REV)");
        Run noTarget = run(Map.of(), "gate", "--base", head.toString(), "--head", head.toString(), "-i", mirror());
        assertThat(noTarget.exit()).isEqualTo(2);
        Run missingBase = run(Map.of(), "gate", "--head", head.toString(), "--image", ALPINE);
        assertThat(missingBase.exit()).isEqualTo(2);
        assertThat(missingBase.err()).contains("--base");
    }

    @Test
    void anIndexErrorMakesTheResultUnknownAndExitsThreeUnlessErrorsAreAllowed() throws IOException {
        Path base = file("base.txt", "psutil==7.2.1\nshapely==2.0.6\n");
        Path head = file("head.txt", "psutil==5.9.8\nshapely==2.1.2\n");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror())
                    .fault(Fault.forProject("psutil").status(503)).build());
            server.start();
            String index = "http://" + server.getHostName() + ":" + server.getPort() + "/simple/";
            List<String> args = List.of("gate", "--base", base.toString(), "--head", head.toString(), "-i", index,
                    "--retries", "0", "--no-cache", "--image", ALPINE);

            Run closed = run(Map.of(), args.toArray(String[]::new));
            assertThat(closed.exit()).as(closed.err()).isEqualTo(3);
            assertThat(closed.out()).contains("unknown      psutil on python:3.12-alpine: unknown: an index error on"
                    + " the head side").contains("HTTP 503").contains("UNKNOWN: an index error left 1 comparison unknown");

            List<String> allowed = new ArrayList<>(args);
            allowed.add("--allow-errors");
            allowed.addAll(List.of("--format", "junit"));
            Run open = run(Map.of(), allowed.toArray(String[]::new));
            assertThat(open.exit()).as(open.err()).isEqualTo(0);
            assertThat(open.out()).contains("<skipped message=\"psutil on python:3.12-alpine: unknown: an index error"
                    + " on the head side\"");

            List<String> junit = new ArrayList<>(args);
            junit.addAll(List.of("--format", "junit"));
            Run error = run(Map.of(), junit.toArray(String[]::new));
            assertThat(error.exit()).isEqualTo(3);
            assertThat(error.out()).contains("errors=\"1\"").contains("<error type=\"unknown\"");
        }
    }
}
