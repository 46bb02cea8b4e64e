package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is always verified, plain HTTP goes only where pip lets it, and credentials (URL userinfo, netrc) reach the
 * index's host and nothing else: no exception message, stack trace, {@code toString()} or log record shows them.
 */
class TransportSecurityTest {

    private static final String SECRET = "S3CRET-t0ken-9f2c";
    private static final String NETRC_SECRET = "N3TRC-pa55-77ab";
    private static final ProjectName REQUESTS = ProjectName.of("requests");
    private static final ProjectName SMALL = ProjectName.of("psycopg2");
    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(50));

    @TempDir
    Path tmp;

    private final List<MockWebServer> servers = new ArrayList<>();
    private final List<IndexClient> clients = new ArrayList<>();
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
    void captureLogs() {
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        Logger.getLogger("okhttp3").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        clients.forEach(IndexClient::close);
        servers.forEach(MockWebServer::close);
    }

    private MockWebServer server(mockwebserver3.Dispatcher dispatcher) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start();
        servers.add(server);
        return server;
    }

    private IndexClients.Builder builder(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("HOME", tmp.toString());
        return IndexClients.builder().environment(all).noCache(true).retryPolicy(FAST)
                .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(20));
    }

    private IndexClient keep(IndexClient client) {
        clients.add(client);
        return client;
    }

    /** Everything a failure can show: the message and the whole stack trace, causes included. */
    private static String shown(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return e.getMessage() + "\n" + out;
    }

    private void assertNothingLeaked(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(NETRC_SECRET);
        }
        synchronized (logged) {
            for (LogRecord r : logged) {
                String message = r.getMessage() + " " + (r.getThrown() == null ? "" : shown(r.getThrown()));
                assertThat(message).doesNotContain(SECRET).doesNotContain(NETRC_SECRET);
            }
        }
    }

    // ---- TLS ------------------------------------------------------------------------------------------------

    @Test
    void aSelfSignedCertificateIsRefusedWithAClearErrorAndNotRetried() throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        MockWebServer server = new MockWebServer();
        server.useHttps(serverSide.sslSocketFactory());
        server.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).build());
        server.start();
        servers.add(server);
        String index = "https://deploy:" + SECRET + "@localhost:" + server.getPort() + "/simple/";

        IndexClient client = keep(builder(Map.of()).indexUrl(index).build());

        assertThatThrownBy(() -> client.files(REQUESTS)).isInstanceOf(IOException.class).satisfies(e -> {
            assertThat(e.getMessage()).contains("GET https://localhost:" + server.getPort() + "/simple/requests/")
                    .contains("TLS failed").contains("certificate").contains("always verified")
                    .doesNotContain("attempts");
            assertNothingLeaked(shown(e));
        });

        // The same server, trusted by the caller's own client: verification is on, and can be satisfied.
        HandshakeCertificates clientSide = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate()).build();
        OkHttpClient trusting = new OkHttpClient.Builder()
                .sslSocketFactory(clientSide.sslSocketFactory(), clientSide.trustManager()).build();
        IndexClient ok = keep(builder(Map.of()).indexUrl(index).okHttpClient(trusting).build());
        assertThat(ok.files(REQUESTS).files()).isNotEmpty();
        assertNothingLeaked(ok.toString(), ok.describe(), ok.files(REQUESTS).source());
    }

    @Test
    void aPlainHttpIndexSetsUpNoTlsAndARedirectToHttpsIsFollowedWithVerification() throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        MockWebServer secure = new MockWebServer();
        secure.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        secure.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).build());
        secure.start();
        servers.add(secure);
        FixtureDispatcher fixtures = FixtureDispatcher.builder(Fixtures.mirror()).build();
        MockWebServer plain = server(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().startsWith("/simple/moved/")) {
                    return new MockResponse.Builder().code(301)
                            .setHeader("Location", "https://localhost:" + secure.getPort() + "/simple/requests/").build();
                }
                return fixtures.dispatch(request);
            }
        });
        IndexClient client = keep(builder(Map.of()).indexUrl("http://127.0.0.1:" + plain.getPort() + "/simple/").build());

        assertThat(client.files(REQUESTS).found()).isTrue();
        assertThat(client.tlsReady()).as("TLS set up for a plain-HTTP index").isFalse();

        // The redirect is followed over TLS, certificates verified: this one is self-signed, so it is refused.
        assertThatThrownBy(() -> client.files(ProjectName.of("moved"))).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("GET https://localhost:" + secure.getPort() + "/simple/requests/")
                        .contains("TLS failed").contains("always verified"));
        assertThat(client.tlsReady()).isTrue();
        assertThat(client.files(REQUESTS).found()).as("plain HTTP after TLS").isTrue();
    }

    @Test
    void noMainSourceTurnsVerificationOffOrExecutesAnything() throws IOException {
        for (Path module : List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"),
                Path.of("../cli/src/main/java"))) {
            try (var files = Files.walk(module)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    assertThat(source).as(file.toString()).doesNotContain("X509TrustManager")
                            .doesNotContain("TrustManager[]").doesNotContain("checkServerTrusted")
                            .doesNotContain("hostnameVerifier(").doesNotContain("HostnameVerifier")
                            .doesNotContain("sslSocketFactory(").doesNotContain("ALLOW_ALL")
                            .doesNotContain("Runtime.getRuntime().exec").doesNotContain("ScriptEngine")
                            .doesNotContain("ObjectInputStream").doesNotContain("URLClassLoader");
                    if (file.getFileName().toString().equals("GitRevision.java")) {
                        // gate's git:REV inputs: the one process wheelscout starts is git, on the user's repository.
                        assertThat(source).contains("command.add(\"git\");").containsOnlyOnce("new ProcessBuilder(");
                    } else {
                        assertThat(source).as(file.toString()).doesNotContain("ProcessBuilder");
                    }
                }
            }
        }
    }

    // ---- plain HTTP -----------------------------------------------------------------------------------------

    @Test
    void loopbackIsTrustedOverPlainHttpWithoutAnOption() throws IOException {
        MockWebServer server = server(FixtureDispatcher.builder(Fixtures.mirror()).build());
        for (String host : List.of("127.0.0.1", "localhost")) {
            IndexClient c = keep(builder(Map.of()).indexUrl("http://" + host + ":" + server.getPort() + "/simple/")
                    .build());
            assertThat(c.files(REQUESTS).found()).as(host).isTrue();
        }
        InetAddress v6 = InetAddress.getByName("::1");
        MockWebServer six = new MockWebServer();
        six.setDispatcher(FixtureDispatcher.builder(Fixtures.mirror()).build());
        try {
            six.start(v6, 0);
        } catch (IOException noIpv6) {
            return; // a machine without IPv6 loopback: the rule is still tested by IndexGuard's unit test
        }
        servers.add(six);
        IndexClient c = keep(builder(Map.of()).indexUrl("http://[::1]:" + six.getPort() + "/simple/").build());
        assertThat(c.files(REQUESTS).found()).isTrue();
    }

    @Test
    void anyOtherPlainHttpHostNeedsTrustedHostAndARedirectCannotEscapeIt() throws IOException, InterruptedException {
        // The index is reached through an HTTP proxy (the local server), so that its name need not resolve.
        FixtureDispatcher fixtures = FixtureDispatcher.builder(Fixtures.mirror()).build();
        MockWebServer proxy = server(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                if (request.getUrl().host().equals("elsewhere.internal")) {
                    return new MockResponse.Builder().code(200).body("never asked").build();
                }
                if (request.getUrl().encodedPath().startsWith("/simple/moved/")) {
                    return new MockResponse.Builder().code(302)
                            .setHeader("Location", "http://elsewhere.internal/simple/requests/").build();
                }
                return fixtures.dispatch(request);
            }
        });
        Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + proxy.getPort(), "no_proxy", "");
        String index = "http://deploy:" + SECRET + "@index.internal/simple/";

        assertThatThrownBy(() -> builder(env).indexUrl(index).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain HTTP").hasMessageContaining("--trusted-host index.internal")
                .satisfies(e -> assertNothingLeaked(shown(e)));
        assertThat(proxy.getRequestCount()).isZero();

        IndexClient trusted = keep(builder(env).indexUrl(index).trustedHost("index.internal").build());
        ProjectFiles files = trusted.files(REQUESTS);
        assertThat(files.found()).isTrue();
        assertThat(proxy.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("deploy", SECRET));

        // A redirect to another plain-HTTP host is refused before anything is sent there.
        assertThatThrownBy(() -> trusted.files(ProjectName.of("moved"))).isInstanceOf(IOException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("refusing plain HTTP").contains("elsewhere.internal");
                    assertNothingLeaked(shown(e));
                });
        assertThat(proxy.getRequestCount()).isEqualTo(2);
        assertNothingLeaked(trusted.toString(), files.source(), files.toString());
    }

    // ---- credentials in failures ----------------------------------------------------------------------------

    @Test
    void credentialsNeverAppearInFailuresToStringsOrLogs() throws IOException, InterruptedException {
        MockWebServer server = server(FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("psycopg2").status(401))
                .fault(Fault.forProject("black").status(503))
                .fault(Fault.forProject("attrs").resetConnection())
                .fault(Fault.forProject("urllib3").truncatedBody())
                .fault(Fault.forProject("idna").malformedBody())
                .fault(Fault.forProject("certifi").redirectLoop())
                .fault(Fault.forProject("six").wrongContentType("text/plain"))
                .build());
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine 127.0.0.1 login bob password " + NETRC_SECRET + "\n");
        String withUserinfo = "http://deploy:" + SECRET + "@127.0.0.1:" + server.getPort() + "/simple/";
        String tokenOnly = "http://" + SECRET + "@127.0.0.1:" + server.getPort() + "/simple/";
        String json = "http://deploy:" + SECRET + "@127.0.0.1:" + server.getPort() + "/pypi";
        List<IndexClient> all = List.of(
                keep(builder(Map.of()).indexUrl(withUserinfo).build()),
                keep(builder(Map.of()).indexUrl(tokenOnly).build()),
                keep(builder(Map.of()).pypiJsonUrl(json).build()),
                keep(builder(Map.of("PIP_INDEX_URL", withUserinfo)).build()),
                keep(builder(Map.of("PIP_EXTRA_INDEX_URL", tokenOnly)).indexUrl(Fixtures.mirrorFolder(tmp).toString())
                        .build()),
                keep(builder(Map.of("NETRC", netrc.toString())).indexUrl(
                        "http://127.0.0.1:" + server.getPort() + "/simple/").build()));
        int failures = 0;
        for (IndexClient client : all) {
            assertNothingLeaked(client.toString(), client.describe());
            for (String project : List.of("psycopg2", "black", "attrs", "urllib3", "idna", "certifi", "six",
                    "requests", "no-such-project")) {
                try {
                    ProjectFiles files = client.files(ProjectName.of(project));
                    assertNothingLeaked(files.toString(), files.source());
                    files.files().forEach(f -> assertNothingLeaked(f.toString(), String.valueOf(f.url())));
                    client.metadata(ProjectName.of(project), "1.0");
                } catch (IOException e) {
                    failures++;
                    assertNothingLeaked(shown(e));
                }
            }
        }
        assertThat(failures).as("every faulty project fails on every HTTP index").isGreaterThanOrEqualTo(6 * 5);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNotNull();
    }

    @Test
    void aNetrcThatCannotBeReadIsAnErrorThatShowsNoPassword() throws IOException {
        Path netrc = tmp.resolve("broken-netrc");
        Files.writeString(netrc, "machine index.example login bob password " + NETRC_SECRET + " bogus-token\n");
        assertThatThrownBy(() -> builder(Map.of("NETRC", netrc.toString()))
                .indexUrl("https://index.example/simple/").build())
                .satisfies(e -> assertNothingLeaked(shown(e)));
    }
}
