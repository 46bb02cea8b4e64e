package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.pypi.IndexClients;
import io.github.wheelscout.pypi.RetryPolicy;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysis through the real client ({@link IndexClients}) against an index that fails in every way the
 * fixtures can make it fail. Transient faults are retried and the results are exactly those of a healthy index;
 * persistent ones make that project {@code error} on every target, and only that project; nothing unknown is
 * ever a wheel; and nothing but index pages (and PEP 658 metadata) is ever downloaded.
 */
class IndexFaultsTest {

    private static final List<Target> TARGETS = List.of(Target.forImage("python:3.12-alpine"),
            Target.forImage("python:3.12-slim"), Target.forImage("python:3.9-slim", "arm64"));
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(80),
            Duration.ofMillis(1500));

    @TempDir
    Path tmp;

    private final List<MockWebServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(MockWebServer::close);
    }

    private static List<AnalysisRequirement> demo() {
        RequirementsFile file = RequirementsFile.read(Path.of("..", "fixtures", "demo", "requirements.txt"));
        List<AnalysisRequirement> out = new ArrayList<>();
        for (RequirementLine line : file.requirements()) {
            out.add(AnalysisRequirement.from(line));
        }
        out.add(AnalysisRequirement.of("no-such-project-anywhere"));
        return out;
    }

    /** What a healthy index says: the same documents, read from the mirror folder. */
    private Map<String, List<String>> baseline(List<AnalysisRequirement> requirements) {
        try (IndexClient mirror = IndexClients.builder().environment(Map.of())
                .indexUrl(Fixtures.mirrorFolder(tmp).toString()).build()) {
            return summary(WheelAnalyzer.builder(mirror).build().analyze(requirements, TARGETS));
        }
    }

    /** For each requirement, each target's verdict, version and file. */
    private static Map<String, List<String>> summary(AnalysisReport report) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (RequirementReport r : report.requirements()) {
            List<String> row = new ArrayList<>();
            for (Outcome o : r.outcomes()) {
                row.add(o.verdict().word() + " " + o.version() + " " + (o.file() == null ? null : o.file().filename()));
            }
            out.put(r.requirement().text(), row);
        }
        return out;
    }

    private AnalysisReport analyse(FixtureDispatcher dispatcher, String api, List<AnalysisRequirement> requirements,
            Function<IndexClients.Builder, IndexClients.Builder> options) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start();
        servers.add(server);
        IndexClients.Builder b = IndexClients.builder().environment(Map.of("HOME", tmp.toString())).noCache(true)
                .retryPolicy(FAST).connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20));
        b = api.equals("json") ? b.pypiJsonUrl(server.url("/pypi").toString())
                : b.indexUrl(server.url("/simple/").toString());
        try (IndexClient client = options.apply(b).build()) {
            return WheelAnalyzer.builder(client).build().analyze(requirements, TARGETS);
        } finally {
            assertOnlyIndexPagesWereRequested(dispatcher);
        }
    }

    /** Nothing from the index is downloaded but pages and metadata: no file body under /packages/. */
    static void assertOnlyIndexPagesWereRequested(FixtureDispatcher dispatcher) {
        assertThat(dispatcher.requestedPaths()).isNotEmpty().allSatisfy(path -> assertThat(
                path.startsWith("/simple/") || path.startsWith("/pypi/")
                        || (path.startsWith("/packages/") && path.endsWith(".metadata")))
                .as("requested %s", path).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "json"})
    void transientFaultsAreRetriedAndTheResultsAreThoseOfAHealthyIndex(String api) throws IOException {
        List<AnalysisRequirement> requirements = demo();
        FixtureDispatcher faulty = FixtureDispatcher.builder(Fixtures.mirror())
                .latency(Duration.ofMillis(5))
                .fault(Fault.forProject("numpy").status(503).times(3))
                .fault(Fault.forProject("duckdb").status(429).retryAfter("1").times(1))
                .fault(Fault.forProject("pyarrow").status(429).times(2))
                .fault(Fault.forProject("shapely").resetConnection().times(2))
                .fault(Fault.forProject("psutil").truncatedBody().times(1))
                .fault(Fault.forProject("black").delay(Duration.ofMillis(1500)).times(1))
                .fault(Fault.forProject("pandas").status(502).times(1))
                .fault(Fault.forProject("lxml").status(500).times(1))
                .fault(Fault.forProject("pillow").status(504).times(2))
                .build();

        AnalysisReport report = analyse(faulty, api, requirements,
                b -> b.readTimeout(Duration.ofMillis(1000)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(summary(report)).isEqualTo(baseline(requirements));
        assertThat(faulty.requestCount()).isGreaterThan(requirements.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "json"})
    void persistentFaultsAreAnErrorForThatProjectOnlyAndNeverAWheel(String api) throws IOException {
        List<AnalysisRequirement> requirements = demo();
        Map<String, String> faulted = new LinkedHashMap<>();
        faulted.put("duckdb", "HTTP 503");
        faulted.put("pyarrow", "HTTP 429");
        faulted.put("shapely", "GET ");
        faulted.put("psutil", "GET ");
        faulted.put("numpy", "malformed");
        faulted.put("psycopg2", "Content-Type");
        faulted.put("black", "bytes allowed for an index page");
        faulted.put("onnxruntime", "redirect");
        faulted.put("pandas", "timed out");
        faulted.put("lxml", "HTTP 401");
        FixtureDispatcher faulty = FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("duckdb").status(503))
                .fault(Fault.forProject("pyarrow").status(429).retryAfter("0"))
                .fault(Fault.forProject("shapely").resetConnection())
                .fault(Fault.forProject("psutil").truncatedBody())
                .fault(Fault.forProject("numpy").malformedBody())
                .fault(Fault.forProject("psycopg2").wrongContentType("text/plain"))
                .fault(Fault.forProject("black").hugeBody(3 * 1024 * 1024))
                .fault(Fault.forProject("onnxruntime").redirectLoop())
                .fault(Fault.forProject("pandas").slowBody(16, Duration.ofMillis(250)))
                .fault(Fault.forProject("lxml").status(401))
                .build();

        AnalysisReport report = analyse(faulty, api, requirements, b -> b.maxBodyBytes(1024 * 1024)
                .callTimeout(Duration.ofSeconds(2)).retryPolicy(new RetryPolicy(3, Duration.ofMillis(20),
                        Duration.ofMillis(80), Duration.ofMillis(500))));

        Map<String, List<String>> healthy = baseline(requirements);
        Map<String, List<String>> got = summary(report);
        for (RequirementReport r : report.requirements()) {
            String name = r.requirement().name() == null ? "" : r.requirement().name().value();
            if (faulted.containsKey(name) && !(api.equals("json") && name.equals("psycopg2"))) {
                assertThat(r.outcomes()).as(name).allSatisfy(o -> {
                    assertThat(o.verdict()).isEqualTo(Verdict.ERROR);
                    assertThat(o.version()).isNull();
                    assertThat(o.file()).isNull();
                    assertThat(o.reason()).contains("index error for " + name).contains(faulted.get(name));
                });
            } else {
                assertThat(got.get(r.requirement().text())).as(name).isEqualTo(healthy.get(r.requirement().text()));
            }
        }
        assertThat(report.hasErrors()).isTrue();
        int errors = report.summaries().stream().mapToInt(s -> s.counts().getOrDefault(Verdict.ERROR, 0)).sum();
        assertThat(errors).isEqualTo((api.equals("json") ? faulted.size() - 1 : faulted.size()) * TARGETS.size());
    }

    @Test
    void theCliReportsEveryResultAndExits3WhenAnIndexFaultLeftOneUnknown() throws IOException {
        FixtureDispatcher faulty = FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("duckdb").status(503))
                .fault(Fault.forProject("numpy").status(503).times(1))
                .build();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(faulty);
        server.start();
        servers.add(server);
        String demo = Path.of("..", "fixtures", "demo", "requirements.txt").toString();
        List<String> check = List.of("check", "-r", demo, "--index-url", server.url("/simple/").toString(),
                "--image", "python:3.12-alpine", "--image", "python:3.12-slim", "--no-cache", "--retries", "2",
                "--no-progress");

        for (String format : List.of("text", "json", "markdown")) {
            for (String failOn : List.of("source-build,no-match", "none")) {
                CliRun run = CliRun.run(with(check, "--format", format, "--fail-on", failOn));
                assertThat(run.exitCode()).as(format + " " + failOn + run.err()).isEqualTo(ExitCodes.INDEX_ERROR);
                assertThat(run.out()).contains("duckdb").contains("numpy").contains("pytz").contains("error");
            }
        }
        CliRun json = CliRun.run(with(check, "--format", "json"));
        assertThat(json.out()).contains("\"error\" : 1,").contains("index error for duckdb: GET http://")
                .contains("HTTP 503");
        assertThat(json.out().split("\"verdict\" : \"error\"", -1)).hasSize(3); // duckdb on both targets
        assertOnlyIndexPagesWereRequested(faulty);

        // A bad line and an index error: 2 (bad input is reported first), and every good line still analysed.
        Path bad = tmp.resolve("bad.txt");
        java.nio.file.Files.writeString(bad, "duckdb==1.4.4\nnot a requirement!\npytz==2025.2\n");
        CliRun both = CliRun.run(with(List.of("check", "-r", bad.toString(), "--index-url",
                server.url("/simple/").toString(), "--image", "python:3.12-slim", "--no-cache", "--retries", "0",
                "--format", "json")));
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.out()).contains("\"verdict\" : \"error\"").contains("\"verdict\" : \"pure-wheel\"")
                .contains("bad.txt:2");
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
