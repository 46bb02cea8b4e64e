package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip's {@code -r https://…}: refused unless {@code --allow-remote-requirements}; then fetched under the index
 * rules, relative includes joined to the file's URL, credentials sent and never shown.
 */
class RemoteRequirementsTest {

    private static final String SECRET = "S3CRET-remote-9f";
    private static final Map<String, String> FILES = Map.of(
            "/app/reqs.txt", "-r more.txt\npytz\n",
            "/app/more.txt", "six\n");

    @TempDir
    Path tmp;

    private MockWebServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
                String body = FILES.get(request.getUrl().encodedPath());
                return body == null ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder().code(200).body(body).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return "http://deploy:" + SECRET + "@127.0.0.1:" + server.getPort() + path;
    }

    private CliRun check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--index-url", Fixtures.mirrorFolder(tmp).toString(),
                "--image", "python:3.12-slim", "--no-cache", "-r", url("/app/reqs.txt")));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void aRemoteFileIsRefusedUnlessAllowedAndNothingIsFetched() {
        CliRun run = check();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out() + run.err()).contains("refused to fetch remote requirements file")
                .contains("--allow-remote-requirements").doesNotContain(SECRET);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anAllowedRemoteFileIsFetchedWithItsRelativeIncludesAndItsCredentialsAreNeverShown() {
        CliRun run = check("--allow-remote-requirements", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\"requirement\" : \"six\"").contains("\"requirement\" : \"pytz\"")
                .doesNotContain(SECRET);
        assertThat(run.err()).doesNotContain(SECRET);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(authorizations).allSatisfy(a -> assertThat(a).startsWith("Basic "));

        CliRun listed = CliRun.run("requirements", "--allow-remote-requirements", url("/app/reqs.txt"));
        assertThat(listed.exitCode()).as(listed.err()).isEqualTo(ExitCodes.OK);
        assertThat(listed.out()).contains("six").contains("pytz").contains("deploy:****@").doesNotContain(SECRET);
    }

    @Test
    void aMissingRemoteFileIsAnErrorNamingIt() {
        CliRun run = CliRun.run("check", "--index-url", Fixtures.mirrorFolder(tmp).toString(), "--image",
                "python:3.12-slim", "--no-cache", "--allow-remote-requirements", "-r", url("/app/gone.txt"), "pytz");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out() + run.err()).contains("Could not fetch requirements file http://deploy:****@127.0.0.1:")
                .contains("HTTP 404").contains("pytz").doesNotContain(SECRET);
    }
}
