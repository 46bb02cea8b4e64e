package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesCommandTest {

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

    private String mirror() {
        return Fixtures.mirrorFolder(tmp).toString();
    }

    @Test
    void listsTheFilesOfAMirrorProjectAsJson() {
        Run r = run(Map.of(), "files", "Psycopg2", "--index-url", mirror(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("\"schema\" : 1", "\"project\" : \"psycopg2\"", "\"found\" : true",
                "\"filename\" : \"psycopg2-2.9.11.tar.gz\"", "\"kind\" : \"sdist\"", "\"version\" : \"2.9.11\"",
                "\"sha256\" : \"964d31caf728e217c697ff77ea69c2ba0865fa41ec20bb00f0977e62fdcc52e3\"",
                "\"size\" : 379598", "\"upload_time\" : \"2025-10-10T11:14:46.075Z\"");
        assertThat(r.out().split("\"filename\"", -1)).hasSize(57 + 1);
    }

    @Test
    void textShowsYankedReasonsAndASummary() {
        Run r = run(Map.of(), "files", "requests", "-i", mirror());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("FILENAME").contains("requests-2.32.0-py3-none-any.whl")
                .contains("yes: Yanked due to conflicts with CVE-2024-35195 mitigation")
                .contains(" files, ").contains(" versions of requests from ");
    }

    @Test
    void anUnknownProjectExitsOne() {
        Run r = run(Map.of(), "files", "no-such-project", "-i", mirror());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-project was not found");
    }

    @Test
    void pipIndexUrlFromTheEnvironmentIsUsed() {
        Run r = run(Map.of("PIP_INDEX_URL", mirror()), "files", "black", "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("black-26.5.1-py3-none-any.whl");
    }

    @Test
    void anIndexErrorExitsThreeWithoutLeakingCredentials() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forAll().status(503)).build());
            server.start();
            String index = "http://ci-user:tok3n-SECRET@" + server.getHostName() + ":" + server.getPort() + "/simple/";

            Run r = run(Map.of(), "files", "numpy", "-i", index, "--retries", "0", "--no-cache", "--format", "json");

            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("HTTP 503").doesNotContain("tok3n-SECRET");
            assertThat(r.out()).doesNotContain("tok3n-SECRET");
        }
    }

    @Test
    void urlsInTheOutputNeverCarryCredentials() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).build());
            server.start();
            String index = "http://ci-user:tok3n-SECRET@" + server.getHostName() + ":" + server.getPort() + "/simple/";

            Run json = run(Map.of(), "files", "pytz", "-i", index, "--no-cache", "--format", "json");
            Run text = run(Map.of("PIP_EXTRA_INDEX_URL", index), "files", "pytz", "-i", mirror(), "--no-cache");

            assertThat(json.exit()).as(json.err()).isEqualTo(0);
            assertThat(json.out()).contains("\"index\" : \"http://ci-user:****@").doesNotContain("tok3n-SECRET");
            assertThat(text.exit()).as(text.err()).isEqualTo(0);
            assertThat(text.out() + text.err()).doesNotContain("tok3n-SECRET");
        }
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run(Map.of(), "files", "not a name!", "-i", mirror()).exit()).isEqualTo(2);
        Run both = run(Map.of(), "files", "numpy", "-i", mirror(), "--pypi-json-url", "https://example.test/pypi");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("cannot be used together");
        Run insecure = run(Map.of(), "files", "numpy", "-i", "http://user:pw@mirror.example/simple/");
        assertThat(insecure.exit()).isEqualTo(2);
        assertThat(insecure.err()).contains("--trusted-host mirror.example").doesNotContain(":pw@");
        assertThat(run(Map.of(), "files", "numpy", "-i", tmp.resolve("missing").toString()).exit()).isEqualTo(2);
    }

    @Test
    void offlineWithoutACacheIsAnIndexErrorNamingTheUrl() {
        Run r = run(Map.of(), "files", "numpy", "--pypi-json-url", "https://pypi.example/pypi", "--offline",
                "--cache-dir", tmp.resolve("empty-cache").toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("offline").contains("https://pypi.example/pypi/numpy/json");
    }
}
