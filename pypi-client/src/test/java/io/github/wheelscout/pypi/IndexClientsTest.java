package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.FixtureDocuments;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import okhttp3.HttpUrl;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clients against a local MockWebServer serving the fixtures, with faults injected. */
class IndexClientsTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(300));

    @TempDir
    Path tmp;

    private MockWebServer server;
    private final List<IndexClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(IndexClient::close);
        if (server != null) {
            server.close();
        }
    }

    private FixtureDispatcher serve(FixtureDispatcher.Builder builder) throws IOException {
        FixtureDispatcher dispatcher = builder.build();
        serve(dispatcher);
        return dispatcher;
    }

    private void serve(Dispatcher dispatcher) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start();
    }

    private IndexClients.Builder builder() {
        return IndexClients.builder()
                .environment(Map.of("HOME", tmp.toString()))
                .noCache(true)
                .retryPolicy(FAST)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(30));
    }

    private IndexClient simple(IndexClients.Builder b) {
        IndexClient c = b.indexUrl(server.url("/simple/").toString()).build();
        clients.add(c);
        return c;
    }

    private IndexClient json(IndexClients.Builder b) {
        IndexClient c = b.pypiJsonUrl(server.url("/pypi").toString()).build();
        clients.add(c);
        return c;
    }

    private static final ProjectName NUMPY = ProjectName.of("numpy");
    private static final ProjectName REQUESTS = ProjectName.of("requests");
    /** A small page (57 files), so that fault tests don't depend on how fast a loaded machine parses numpy. */
    private static final ProjectName SMALL = ProjectName.of("psycopg2");

    // --- formats ---------------------------------------------------------------------------------------------

    @Test
    void jsonApiListsEveryFileOfTheRecordedDocument() throws IOException, InterruptedException {
        serve(FixtureDispatcher.builder(Fixtures.recorded()));

        ProjectFiles files = json(builder()).files(NUMPY);

        assertThat(files.found()).isTrue();
        assertThat(files.files()).hasSize(3170);
        assertThat(files.source()).isEqualTo(server.url("/pypi/numpy/json").toString());
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("User-Agent")).startsWith("wheelscout/");
        assertThat(request.getHeaders().get("Accept-Encoding")).contains("gzip");
    }

    @Test
    void simpleApiNegotiatesPep691Json() throws IOException, InterruptedException {
        serve(FixtureDispatcher.builder(Fixtures.recorded()));

        ProjectFiles files = simple(builder()).files(ProjectName.of("Black"));

        assertThat(files.files()).extracting(IndexFile::filename).contains("black-21.11b0-py3-none-any.whl");
        assertThat(files.files()).hasSize(4); // the JSON page has 4 files, the HTML one 2
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/simple/black/");
        assertThat(request.getHeaders().get("Accept")).startsWith("application/vnd.pypi.simple.v1+json");
    }

    @Test
    void simpleApiReadsHtmlWhenTheServerOnlyHasHtml() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.recorded()));

        ProjectFiles files = simple(builder()).files(ProjectName.of("Django"));

        assertThat(files.files()).hasSize(469);
        assertThat(files.files()).filteredOn(f -> f.requiresPython() != null).hasSize(202);
    }

    @Test
    void everyFormOfTheMirrorGivesTheSameFiles() throws IOException {
        FixtureDispatcher dispatcher = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        ProjectName psycopg2 = ProjectName.of("psycopg2");

        List<String> viaJsonApi = json(builder()).files(psycopg2).files().stream().map(IndexFile::filename).sorted().toList();
        List<String> viaPep691 = simple(builder()).files(psycopg2).files().stream().map(IndexFile::filename).sorted().toList();
        // a client that only accepts HTML gets the PEP 503 page
        IndexClient htmlOnly = IndexClients.builder().environment(Map.of()).noCache(true).okHttpClient(
                new okhttp3.OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Accept", "text/html").build())).build())
                .indexUrl(server.url("/simple/").toString()).build();
        clients.add(htmlOnly);
        List<String> viaHtml = htmlOnly.files(psycopg2).files().stream().map(IndexFile::filename).sorted().toList();

        assertThat(viaJsonApi).hasSize(57).contains("psycopg2-2.9.11.tar.gz");
        assertThat(viaPep691).isEqualTo(viaJsonApi);
        assertThat(viaHtml).isEqualTo(viaJsonApi);
        assertThat(dispatcher.requestCount()).isEqualTo(3);
    }

    @Test
    void relativeUrlsResolveAgainstThePageAfterRedirects() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.builder(Fixtures.mirror()).build();
        serve(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/deep/old/")) {
                    return new MockResponse.Builder().code(301).setHeader("Location", "/simple/" + path.substring(10)).build();
                }
                return fixtures.dispatch(request);
            }
        });
        IndexClient c = builder().indexUrl(server.url("/deep/old/").toString()).build();
        clients.add(c);

        IndexFile sdist = c.files(ProjectName.of("psycopg2")).files().stream()
                .filter(f -> f.filename().equals("psycopg2-2.9.11.tar.gz")).findFirst().orElseThrow();

        assertThat(sdist.url()).startsWith(server.url("/packages/").toString());
    }

    @Test
    void notFoundIsAResultAndNotRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));

        ProjectFiles files = simple(builder()).files(ProjectName.of("no-such-project"));

        assertThat(files.found()).isFalse();
        assertThat(d.requestCount()).isEqualTo(1);
    }

    @Test
    void releaseMetadataFromTheJsonApiAndFromPep658() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()));

        Optional<ReleaseMetadata> viaJson = json(builder()).metadata(REQUESTS, "2.31.0");
        Optional<ReleaseMetadata> viaPep658 = simple(builder()).metadata(REQUESTS, "2.31.0");

        assertThat(viaJson).get().extracting(ReleaseMetadata::requiresDist).asList()
                .contains("idna (<4,>=2.5)");
        assertThat(viaPep658).isEqualTo(viaJson);
        assertThat(simple(builder()).metadata(ProjectName.of("black"), "26.5.1")).get()
                .extracting(ReleaseMetadata::requiresDist).asList().contains("click", "tomli ; python_full_version < '3.11'");
        assertThat(simple(builder()).metadata(REQUESTS, "0.2.0")).isEmpty();
    }

    @Test
    void aFailingMetadataFetchIsAnErrorNotMissingMetadata() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forPath("/packages/").status(500)));

        assertThatThrownBy(() -> simple(builder()).metadata(ProjectName.of("black"), "26.5.1"))
                .isInstanceOf(IOException.class).hasMessageContaining(".metadata").hasMessageContaining("HTTP 500");
    }

    // --- failures --------------------------------------------------------------------------------------------

    @Test
    void a503BurstIsRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("psycopg2").status(503).times(2)));

        assertThat(simple(builder()).files(SMALL).files()).hasSize(57);
        assertThat(d.requestCount()).isEqualTo(3);
    }

    @Test
    void persistent5xxIsAnErrorNamingTheUrlAndTheAttempts() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").status(502)));

        assertThatThrownBy(() -> simple(builder()).files(SMALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(server.url("/simple/psycopg2/").toString())
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("after 3 attempts");
        assertThat(d.requestCount()).isEqualTo(3);
    }

    @Test
    void a429RetryAfterIsHonouredUpToTheCap() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").status(429).retryAfter("3600").times(1)));

        long start = System.nanoTime();
        assertThat(simple(builder()).files(SMALL).found()).isTrue();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(300); // the cap, not an hour
    }

    @Test
    void a429WithoutRetryAfterBacksOff() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").status(429).times(2)));

        assertThat(simple(builder()).files(SMALL).found()).isTrue();
        assertThat(d.requestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(HttpTransport.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(HttpTransport.retryAfter("soon")).isNull();
        assertThat(HttpTransport.retryAfter(null)).isNull();
    }

    @Test
    void otherClientErrorsAreNotRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").status(403)));

        assertThatThrownBy(() -> simple(builder()).files(SMALL)).hasMessageContaining("HTTP 403")
                .hasMessageContaining("credentials");
        assertThat(d.requestCount()).isEqualTo(1);
    }

    @Test
    void connectionResetsAreRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").resetConnection().times(1)));

        assertThat(simple(builder()).files(SMALL).files()).hasSize(57);
        assertThat(d.requestCount()).isEqualTo(2);
    }

    @Test
    void truncatedBodiesAreRetriedThenReported() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).gzip(false).fault(Fault.forProject("psycopg2").truncatedBody().times(1)));
        assertThat(simple(builder()).files(SMALL).files()).hasSize(57);
        server.close();

        serve(FixtureDispatcher.builder(Fixtures.mirror()).gzip(false).fault(Fault.forProject("psycopg2").truncatedBody()));
        assertThatThrownBy(() -> simple(builder()).files(SMALL))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(server.url("/simple/psycopg2/").toString())
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void malformedBodiesAreErrorsAndNotRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").malformedBody()));

        assertThatThrownBy(() -> json(builder()).files(SMALL))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(server.url("/pypi/psycopg2/json").toString())
                .hasMessageContaining("malformed JSON");
        assertThat(d.requestCount()).isEqualTo(1);
    }

    @Test
    void aWrongContentTypeIsAnError() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").wrongContentType("text/plain")));

        assertThatThrownBy(() -> simple(builder()).files(SMALL))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("text/plain");
    }

    @Test
    void aHugeBodyIsCutOffNotBuffered() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").hugeBody(8L << 20)));

        assertThatThrownBy(() -> simple(builder().maxBodyBytes(1 << 20)).files(SMALL))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("more than the 1048576 bytes");
    }

    @Test
    void aRedirectLoopIsAnErrorNotRetried() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").redirectLoop()));

        assertThatThrownBy(() -> simple(builder()).files(SMALL)).hasMessageContaining("too many redirects");
    }

    @Test
    void aBodyTricklingPastTheCallTimeoutTimesOut() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).gzip(false)
                .fault(Fault.forProject("psycopg2").slowBody(1024, Duration.ofMillis(50))));

        assertThatThrownBy(() -> simple(builder().retryPolicy(new RetryPolicy(2, Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofMillis(10))).callTimeout(Duration.ofMillis(300))).files(SMALL))
                .hasMessageContaining("timed out").hasMessageContaining("after 2 attempts");
    }

    @Test
    void aReadTimeoutIsRetried() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror())
                .fault(Fault.forProject("psycopg2").delay(Duration.ofMillis(3000)).times(1)));

        assertThat(simple(builder().readTimeout(Duration.ofMillis(1000))).files(SMALL).found()).isTrue();
        assertThat(d.requestCount()).isEqualTo(2);
    }

    // --- caching -------------------------------------------------------------------------------------------------

    @Test
    void theMemoryCacheAnswersRepeatedQuestions() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        IndexClient c = simple(builder());

        c.files(SMALL);
        c.files(SMALL);

        assertThat(d.requestCount()).isEqualTo(1);
    }

    @Test
    void aMemoryCacheForTheClientsLifeAnswersRepeatedQuestionsToo() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        IndexClient c = simple(builder().memoryCacheForLife());

        ProjectFiles first = c.files(SMALL);
        ProjectFiles again = c.files(SMALL);
        c.files(REQUESTS);

        assertThat(again).isSameAs(first);
        assertThat(d.requestCount()).isEqualTo(2);
    }

    @Test
    void withoutAMemoryCacheEveryQuestionIsAsked() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        IndexClient c = simple(builder().memoryCache(0, Duration.ofMinutes(1)));

        c.files(SMALL);
        c.files(SMALL);

        assertThat(d.requestCount()).isEqualTo(2);
    }

    @Test
    void theDiskCacheServesFreshPagesAndRevalidatesStaleOnesWith304() throws IOException {
        FixtureDispatcher fresh = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path cache = tmp.resolve("cache");
        simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        ProjectFiles again = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        assertThat(again.files()).hasSize(57);
        assertThat(fresh.requestCount()).isEqualTo(1); // max-age=600: the second process asks nobody
        assertThat(cache.resolve("pages")).isDirectoryContaining(f -> f.getFileName().toString().startsWith("simple_psycopg2-"));
        if (Files.isDirectory(cache.resolve("http"))) {
            try (var files = Files.list(cache.resolve("http"))) {
                assertThat(files.map(f -> f.getFileName().toString())).as("OkHttp's cache keeps no project page")
                        .noneMatch(f -> f.endsWith(".1"));
            }
        }
        server.close();

        FixtureDispatcher stale = serve(FixtureDispatcher.builder(Fixtures.mirror()).maxAge(Duration.ZERO));
        Path cache2 = tmp.resolve("cache2");
        simple(builder().noCache(false).cacheDir(cache2)).files(SMALL);
        ProjectFiles revalidated = simple(builder().noCache(false).cacheDir(cache2)).files(SMALL);
        assertThat(revalidated.files()).hasSize(57);
        assertThat(stale.requestCount()).isEqualTo(2);
        assertThat(stale.notModifiedCount()).isEqualTo(1);
    }

    @Test
    void aFreshPageIsReadBackParsedWithoutOkHttpAndEqual() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);

        IndexClient warm = simple(builder().noCache(false).cacheDir(cache));
        ProjectFiles kept = warm.files(SMALL);

        assertThat(kept).isEqualTo(fetched);
        assertThat(d.requestCount()).isEqualTo(1);
        assertThat(warm.clientBuilt()).as("no request, so no OkHttp client").isFalse();
        try (var entries = Files.list(cache.resolve("pages"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("simple_psycopg2-");
        }
    }

    @Test
    void jsonApiDocumentsAreKeptParsedToo() throws IOException {
        FixtureDispatcher fresh = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = json(builder().noCache(false).cacheDir(cache)).files(SMALL);
        IndexClient warm = json(builder().noCache(false).cacheDir(cache));

        assertThat(warm.files(SMALL)).isEqualTo(fetched);
        assertThat(fresh.requestCount()).isEqualTo(1);
        assertThat(warm.clientBuilt()).isFalse();
        try (var entries = Files.list(cache.resolve("pages"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("psycopg2_json-");
        }
    }

    @Test
    void aStalePageIsAskedForWithItsEtagAndA304LetsTheEntryAnswer() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).maxAge(Duration.ZERO)); // no-cache
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);

        ProjectFiles again = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);

        assertThat(again).isEqualTo(fetched);
        assertThat(d.requestCount()).isEqualTo(2);
        assertThat(d.notModifiedCount()).isEqualTo(1);
    }

    @Test
    void aPageWithOnlyLastModifiedIsAskedForWithIfModifiedSince() throws IOException, InterruptedException {
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        String page = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"psycopg2\", \"files\": [{\"filename\":"
                + " \"psycopg2-2.9.9.tar.gz\", \"url\": \"https://files.example/psycopg2-2.9.9.tar.gz\", \"hashes\": {}}]}";
        serve(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (lastModified.equals(request.getHeaders().get("If-Modified-Since"))) {
                    return new MockResponse.Builder().code(304).build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", SimpleApiParser.JSON_TYPE)
                        .setHeader("Last-Modified", lastModified).setHeader("Cache-Control", "no-cache").body(page).build();
            }
        });
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        ProjectFiles again = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);

        assertThat(fetched.files()).hasSize(1);
        assertThat(again).isEqualTo(fetched);
        assertThat(server.takeRequest().getHeaders().get("If-Modified-Since")).isNull();
        assertThat(server.takeRequest().getHeaders().get("If-Modified-Since")).isEqualTo(lastModified);
    }

    @Test
    void anEntryAnswersOnlyWhenTheServerConfirmsItsCopy() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).maxAge(Duration.ZERO));
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        HttpUrl page = server.url("/simple/" + SMALL.value() + "/");
        PageCache pages = PageCache.in(cache.resolve("pages"));
        String etag;
        try (var entries = Files.list(cache.resolve("pages"))) {
            etag = PageCodec.decode(Files.readAllBytes(entries.findFirst().orElseThrow())).etag();
        }
        assertThat(etag).as("the fixture's ETag, kept with the entry").startsWith("\"");
        List<IndexFile> bogus = fetched.files().subList(0, 1);

        pages.put(page, bogus, HttpTransport.NOT_FRESH, "\"another copy\"", null);
        assertThat(simple(builder().noCache(false).cacheDir(cache)).files(SMALL)).as("read again: the entry is of another copy")
                .isEqualTo(fetched);

        pages.put(page, bogus, HttpTransport.NOT_FRESH, etag, null);
        assertThat(simple(builder().noCache(false).cacheDir(cache)).files(SMALL).files()).as("the entry of the confirmed copy")
                .isEqualTo(bogus);
    }

    @Test
    void aKeptPageStopsAnsweringWhenItsMaxAgeRunsOut() throws Exception {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()).maxAge(Duration.ofSeconds(1)));
        Path cache = tmp.resolve("cache");
        simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        Thread.sleep(1_100);

        IndexClient later = simple(builder().noCache(false).cacheDir(cache));
        assertThat(later.files(SMALL).files()).hasSize(57);
        assertThat(d.requestCount()).isEqualTo(2);
        assertThat(d.notModifiedCount()).as("asked again with its ETag: 304").isEqualTo(1);
    }

    @Test
    void aDamagedPageEntryIsAMissAnsweredByTheIndexAndWrittenAgain() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path cache = tmp.resolve("cache");
        ProjectFiles fetched = simple(builder().noCache(false).cacheDir(cache)).files(SMALL);
        Path entry;
        try (var entries = Files.list(cache.resolve("pages"))) {
            entry = entries.findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));

        IndexClient again = simple(builder().noCache(false).cacheDir(cache));
        assertThat(again.files(SMALL)).isEqualTo(fetched);
        assertThat(d.requestCount()).as("asked again, without a validator").isEqualTo(2);
        assertThat(PageCodec.decode(Files.readAllBytes(entry)).files()).isEqualTo(fetched.files());
    }

    @Test
    void withoutADiskCacheNothingIsWritten() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()));
        simple(builder().noCache(true).cacheDir(tmp.resolve("cache"))).files(SMALL);

        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void offlineAnswersFromTheCacheAndAMissIsAClearError() throws IOException {
        FixtureDispatcher d = serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path cache = tmp.resolve("cache");
        simple(builder().noCache(false).cacheDir(cache)).files(SMALL);

        IndexClient offline = simple(builder().noCache(false).cacheDir(cache).offline(true));
        assertThat(offline.files(SMALL).files()).hasSize(57);
        assertThat(d.requestCount()).isEqualTo(1);
        assertThatThrownBy(() -> offline.files(REQUESTS)).hasMessageContaining("offline")
                .hasMessageContaining(server.url("/simple/requests/").toString());
    }

    // --- many in flight ---------------------------------------------------------------------------------------

    @Test
    void manyProjectsAreFetchedInParallel() throws IOException {
        FixtureDocuments mirror = Fixtures.mirror();
        FixtureDispatcher d = serve(FixtureDispatcher.builder(mirror).latency(Duration.ofMillis(100)));
        // generous timeouts: this test proves parallelism, not speed, and must pass on a loaded machine
        IndexClient c = simple(builder().maxRequestsInFlight(64).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60)));
        List<String> projects = mirror.projects().subList(0, 200);

        List<CompletableFuture<ProjectFiles>> answers = new ArrayList<>();
        for (String p : projects) {
            answers.add(c.filesAsync(ProjectName.of(p)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();

        assertThat(answers).allSatisfy(a -> assertThat(a.join().found()).isTrue());
        assertThat(d.requestCount()).isGreaterThanOrEqualTo(200);
        assertThat(d.maxInFlight()).isGreaterThan(16).isLessThanOrEqualTo(64);
    }

    // --- credentials, hosts, merging --------------------------------------------------------------------------

    @Test
    void urlCredentialsAreSentButNeverShown() throws IOException, InterruptedException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()).fault(Fault.forProject("psycopg2").status(503)));
        String index = "http://alice:s3cr3t-t0ken@" + server.getHostName() + ":" + server.getPort() + "/simple/";
        IndexClient c = builder().indexUrl(index).build();
        clients.add(c);

        assertThat(c.files(REQUESTS).found()).isTrue();
        assertThat(server.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("alice", "s3cr3t-t0ken"));
        assertThat(c.describe()).contains("alice:****@").doesNotContain("s3cr3t");
        assertThat(c.toString()).doesNotContain("s3cr3t");
        assertThat(c.files(REQUESTS).source()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> c.files(SMALL)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void urlCredentialsAreNotWrittenInThePageCache() throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()));
        String index = "http://alice:s3cr3t-t0ken@" + server.getHostName() + ":" + server.getPort() + "/simple/";
        Path cache = tmp.resolve("cache");
        IndexClient c = builder().noCache(false).cacheDir(cache).indexUrl(index).build();
        clients.add(c);
        ProjectFiles fetched = c.files(SMALL);

        try (var entries = Files.list(cache.resolve("pages"))) {
            for (Path entry : entries.toList()) {
                assertThat(new String(Files.readAllBytes(entry), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(entry.toString()).doesNotContain("s3cr3t").doesNotContain("alice");
            }
        }
        IndexClient again = builder().noCache(false).cacheDir(cache).indexUrl(index).build();
        clients.add(again);
        assertThat(again.files(SMALL)).isEqualTo(fetched);
        assertThat(again.clientBuilt()).as("answered from the entry").isFalse();
    }

    @Test
    void netrcCredentialsAreSentForTheirHost() throws IOException, InterruptedException {
        serve(FixtureDispatcher.builder(Fixtures.mirror()));
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine " + server.getHostName() + "\n  login bob\n  password hunter2\n");
        IndexClient c = simple(builder().netrc(netrc));

        c.files(REQUESTS);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("bob", "hunter2"));
        assertThat(c.toString()).doesNotContain("hunter2");
    }

    @Test
    void plainHttpToAnUntrustedHostIsRefused() {
        assertThatThrownBy(() -> builder().indexUrl("http://user:pw@index.example/simple/").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trusted-host index.example")
                .hasMessageContaining("user:****@")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(":pw@"));
        try (IndexClient trusted = builder().indexUrl("http://index.example/simple/").trustedHost("index.example").build()) {
            assertThat(trusted.describe()).isEqualTo("http://index.example/simple/");
        }
    }

    @Test
    void extraIndexesAreMergedAndTheEnvironmentIsRead(@TempDir Path home) throws IOException {
        serve(FixtureDispatcher.builder(Fixtures.recorded()));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PIP_INDEX_URL", server.url("/simple/").toString());
        env.put("PIP_EXTRA_INDEX_URL", Fixtures.mirrorFolder(tmp).toString());
        IndexClient c = IndexClients.builder().environment(env).noCache(true).retryPolicy(FAST).build();
        clients.add(c);

        ProjectFiles black = c.files(ProjectName.of("black"));

        assertThat(c.indexes()).hasSize(2);
        assertThat(black.files()).hasSize(4 + 58);
        assertThat(black.source()).contains(" + ");
    }

    @Test
    void theMirrorFolderAnswersWithoutAServer() throws IOException {
        try (IndexClient c = IndexClients.builder().environment(Map.of()).indexUrl(Fixtures.mirrorFolder(tmp).toString()).build()) {
            assertThat(c.files(ProjectName.of("psycopg2")).files()).hasSize(57);
            assertThat(c.metadata(ProjectName.of("black"), "26.5.1")).isPresent();
            assertThat(c.files(ProjectName.of("nope")).found()).isFalse();
        }
        Path simpleDir = Fixtures.mirrorFolder(tmp).resolve("simple");
        try (IndexClient c = IndexClients.builder().environment(Map.of()).indexUrl(simpleDir.toUri().toString()).build()) {
            assertThat(c.files(REQUESTS).files()).extracting(IndexFile::filename).contains("requests-2.32.0.tar.gz");
        }
    }
}
