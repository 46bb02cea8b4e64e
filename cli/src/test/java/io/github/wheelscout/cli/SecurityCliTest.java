package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential matrix, end to end: secrets given every way pip takes them (index URL userinfo, a lone token,
 * {@code --extra-index-url}, {@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL}, netrc, {@code --index-url} lines
 * in requirements files, direct-reference URLs, remote includes) never appear in any output of {@code check},
 * {@code explain}, {@code files} or {@code requirements}, in any format, on success or failure, nor in a log
 * record. Also: a self-signed HTTPS index is refused with a clear error, plain HTTP to any host but loopback needs
 * {@code --trusted-host}, a remote include is refused, and nothing but index pages is downloaded.
 */
class SecurityCliTest {

    private static final List<String> SECRETS = List.of("S3CRET-userinfo-a1", "S3CRET-token-b2", "S3CRET-env-c3",
            "S3CRET-envextra-d4", "S3CRET-netrc-e5", "S3CRET-file-f6", "S3CRET-fileextra-g7", "S3CRET-direct-h8",
            "S3CRET-include-i9");

    @TempDir
    Path tmp;

    private MockWebServer server;
    private FixtureDispatcher dispatcher;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws IOException {
        // psycopg2's pages answer 401, black's 503 every time; everything else is healthy.
        dispatcher = FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("psycopg2").status(401))
                .fault(Fault.forProject("black").status(503))
                .build();
        server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start();
        Logger.getLogger("").addHandler(capture);
        capture.setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        server.close();
    }

    private String index(String userinfo) {
        return "http://" + userinfo + "@127.0.0.1:" + server.getPort() + "/simple/";
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HOME", tmp.toString());
        env.put("NO_COLOR", "1");
        return env;
    }

    private CliRun run(Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    private void assertNoSecret(String what, CliRun run) {
        for (String secret : SECRETS) {
            assertThat(run.out()).as("%s: standard output", what).doesNotContain(secret);
            assertThat(run.err()).as("%s: standard error", what).doesNotContain(secret);
        }
        synchronized (logged) {
            for (LogRecord r : logged) {
                for (String secret : SECRETS) {
                    assertThat(r.getMessage() + r.getThrown()).as("%s: log", what).doesNotContain(secret);
                }
            }
        }
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void noCredentialAppearsInAnyOutputFormatOfAnyCommand() throws IOException, InterruptedException {
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine 127.0.0.1 login bob password " + SECRETS.get(4) + "\n");
        Path requirements = tmp.resolve("requirements.txt");
        Files.writeString(requirements, String.join("\n",
                "--index-url " + index("deploy:" + SECRETS.get(5)),
                "--extra-index-url " + index(SECRETS.get(6)),
                "-r https://deploy:" + SECRETS.get(8) + "@files.example/more.txt",
                "direct @ https://deploy:" + SECRETS.get(7) + "@files.example/direct-1.0.tar.gz",
                "requests", "psycopg2", "black", ""));
        List<String> slim = List.of("--image", "python:3.12-slim", "--no-cache", "--retries", "1", "--timeout", "5",
                "--no-progress");

        // Indexes on the command line and in the environment.
        Map<String, String> envIndexes = environment(Map.of("PIP_EXTRA_INDEX_URL", index(SECRETS.get(3)),
                "NETRC", netrc.toString()));
        List<String> cliIndexes = List.of("--index-url", index("deploy:" + SECRETS.get(0)), "--extra-index-url",
                index(SECRETS.get(1)));
        // The index from the environment only.
        Map<String, String> envOnly = environment(Map.of("PIP_INDEX_URL", index("deploy:" + SECRETS.get(2))));

        int runs = 0;
        for (Map<String, String> env : List.of(envIndexes, envOnly)) {
            List<String> indexes = env == envIndexes ? cliIndexes : List.of();
            for (String format : List.of("text", "json", "markdown")) {
                CliRun check = run(env, with(with(List.of("check", "requests", "psycopg2", "black"), slim
                        .toArray(String[]::new)), with(indexes, "--format", format).toArray(String[]::new)));
                assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.INDEX_ERROR);
                assertThat(check.out() + check.err()).contains("error");
                assertNoSecret("check " + format, check);
                runs++;
            }
            for (String format : List.of("text", "json")) {
                for (String project : List.of("black", "requests")) {
                    CliRun explain = run(env, with(with(List.of("explain", project, "--image", "python:3.12-slim",
                            "--no-cache", "--retries", "1"), indexes.toArray(String[]::new)), "--format", format));
                    assertThat(explain.exitCode()).as(explain.err())
                            .isEqualTo(project.equals("black") ? ExitCodes.INDEX_ERROR : ExitCodes.OK);
                    assertNoSecret("explain " + project + " " + format, explain);
                    CliRun files = run(env, with(List.of("files", project, "--no-cache", "--retries", "1",
                            "--format", format), indexes.toArray(String[]::new)));
                    assertThat(files.exitCode()).as(files.err())
                            .isEqualTo(project.equals("black") ? ExitCodes.INDEX_ERROR : ExitCodes.OK);
                    assertNoSecret("files " + project + " " + format, files);
                    runs += 2;
                }
            }
        }

        // Indexes, a direct reference and a remote include written in a requirements file.
        for (String format : List.of("text", "json", "markdown")) {
            CliRun check = run(environment(Map.of()), with(List.of("check", "-r", requirements.toString(),
                    "--format", format), slim.toArray(String[]::new)));
            assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.USAGE); // the remote include
            assertThat(check.out() + check.err()).contains("refused to fetch remote requirements file")
                    .contains("https://deploy:****@files.example/more.txt");
            assertNoSecret("check -r " + format, check);
            runs++;
        }
        for (String format : List.of("text", "json")) {
            CliRun listed = run(environment(Map.of()), List.of("requirements", requirements.toString(), "--format",
                    format));
            assertThat(listed.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(listed.out()).contains("deploy:****@");
            assertNoSecret("requirements " + format, listed);
            runs++;
        }
        assertThat(runs).isEqualTo(27);
        IndexFaultsTest.assertOnlyIndexPagesWereRequested(dispatcher);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNotNull();
    }

    @Test
    void gateAndAdviseShowNoCredentialEither() throws IOException {
        String file = String.join("\n",
                "--index-url " + index("deploy:" + SECRETS.get(5)),
                "--extra-index-url " + index(SECRETS.get(6)),
                "direct @ https://deploy:" + SECRETS.get(7) + "@files.example/direct-1.0.tar.gz",
                "requests", "black", "");
        Path base = tmp.resolve("base.txt");
        Path head = tmp.resolve("head.txt");
        Files.writeString(base, file);
        Files.writeString(head, file + "psycopg2\n");
        Map<String, String> env = environment(Map.of("PIP_EXTRA_INDEX_URL", index(SECRETS.get(3))));
        List<String> common = List.of("--no-cache", "--retries", "1", "--no-progress");
        for (String format : List.of("text", "json", "markdown", "github", "junit")) {
            CliRun gate = run(env, with(List.of("gate", "--base", base.toString(), "--head", head.toString(),
                    "--image", "python:3.12-slim", "--format", format), common.toArray(String[]::new)));
            assertThat(gate.exitCode()).as(format + gate.err()).isEqualTo(ExitCodes.INDEX_ERROR);
            assertNoSecret("gate " + format, gate);
        }
        for (String format : List.of("text", "json", "markdown", "html")) {
            CliRun advise = run(env, with(List.of("advise", "-r", head.toString(), "--image", "python:3.12-slim",
                    "--image", "python:3.12-alpine", "--format", format), common.toArray(String[]::new)));
            assertThat(advise.exitCode()).as(format + advise.err()).isEqualTo(ExitCodes.INDEX_ERROR);
            assertNoSecret("advise " + format, advise);
        }
        IndexFaultsTest.assertOnlyIndexPagesWereRequested(dispatcher);
    }

    @Test
    void anUnreachableIndexIsAnErrorThatShowsNoCredential() {
        CliRun run = run(environment(Map.of()), List.of("check", "black", "--image", "python:3.12-slim",
                "--index-url", "http://deploy:" + SECRETS.get(0) + "@127.0.0.1:9/simple/", "--retries", "0",
                "--timeout", "2", "--no-cache", "--format", "json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INDEX_ERROR);
        assertThat(run.out()).contains("\"verdict\" : \"error\"").contains("GET http://127.0.0.1:9/simple/black/");
        assertNoSecret("unreachable", run);
    }

    @Test
    void aSelfSignedHttpsIndexIsRefusedWithAClearError() throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        try (MockWebServer https = new MockWebServer()) {
            https.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
            https.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).build());
            https.start();
            CliRun run = run(environment(Map.of()), List.of("check", "requests", "--image", "python:3.12-slim",
                    "--index-url", "https://localhost:" + https.getPort() + "/simple/", "--no-cache", "--format",
                    "json"));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INDEX_ERROR);
            assertThat(run.out()).contains("\"verdict\" : \"error\"").contains("TLS failed")
                    .contains("always verified");
            assertThat(https.getRequestCount()).isZero();
        }
    }

    @Test
    void plainHttpToAnotherHostNeedsTrustedHost() {
        // index.internal is reached through a proxy (the local server), so that the name need not resolve.
        Map<String, String> env = environment(Map.of("http_proxy", "http://127.0.0.1:" + server.getPort()));
        List<String> check = List.of("check", "requests==2.31.0", "--image", "python:3.12-slim", "--no-cache",
                "--index-url", "http://index.internal/simple/", "--format", "json");
        CliRun refused = run(env, check);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing plain HTTP").contains("--trusted-host index.internal");
        assertThat(dispatcher.requestCount()).isZero();

        CliRun trusted = run(env, with(check, "--trusted-host", "index.internal"));
        assertThat(trusted.exitCode()).as(trusted.err()).isEqualTo(ExitCodes.OK);
        assertThat(trusted.out()).contains("\"verdict\" : \"pure-wheel\"");
        CliRun fromEnvironment = run(environment(Map.of("http_proxy", "http://127.0.0.1:" + server.getPort(),
                "PIP_TRUSTED_HOST", "other.internal index.internal")), check);
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isEqualTo(ExitCodes.OK);
        assertThat(dispatcher.requestCount()).isEqualTo(2);
    }
}
