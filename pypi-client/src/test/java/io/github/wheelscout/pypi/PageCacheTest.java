package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed pages on disk, and when a response may be kept there: only as long as the HTTP cache would serve it. */
class PageCacheTest {

    private static final HttpUrl PAGE = HttpUrl.get("https://index.example/simple/my-project/");
    private static final List<IndexFile> FILES = List.of(new IndexFile("my_project-1.0.tar.gz", "1.0", FileKind.SDIST,
            "https://files.example/my_project-1.0.tar.gz", OptionalLong.of(3), Map.of("sha256", "abc"), ">=3.9", false,
            null, null, true));

    @TempDir
    Path dir;

    /** The files of {@code url}'s entry when it is fresh at {@code now}, else null: what a lookup answers. */
    private static List<IndexFile> fresh(PageCache cache, HttpUrl url, long now) {
        PageCodec.Entry entry = cache.entry(url);
        return entry == null || !entry.freshAt(now) ? null : entry.files();
    }

    @Test
    void anEntryAnswersUntilItsFreshnessEnds() {
        PageCache cache = PageCache.in(dir);
        cache.put(PAGE, FILES, 1_000, null, null);

        assertThat(fresh(cache, PAGE, 999)).isEqualTo(FILES);
        assertThat(fresh(cache, PAGE, 1_000)).isNull();
        assertThat(fresh(cache, HttpUrl.get("https://index.example/simple/other/"), 0)).isNull();
    }

    @Test
    void aStaleEntryIsStillReadWithItsValidators() {
        PageCache cache = PageCache.in(dir);
        cache.put(PAGE, FILES, HttpTransport.NOT_FRESH, "\"v1\"", "Wed, 21 Oct 2015 07:28:00 GMT");

        assertThat(fresh(cache, PAGE, 0)).isNull();
        PageCodec.Entry entry = cache.entry(PAGE);
        assertThat(entry.files()).isEqualTo(FILES);
        assertThat(entry.etag()).isEqualTo("\"v1\"");
        assertThat(entry.lastModified()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(cache.entry(HttpUrl.get("https://index.example/simple/other/"))).isNull();
    }

    @Test
    void theSameProjectOnAnotherIndexIsAnotherEntry() {
        PageCache cache = PageCache.in(dir);
        cache.put(PAGE, FILES, 1_000, null, null);

        assertThat(fresh(cache, HttpUrl.get("https://mirror.example/simple/my-project/"), 0)).isNull();
        assertThat(fresh(cache, HttpUrl.get("http://index.example/simple/my-project/"), 0)).isNull();
    }

    @Test
    void credentialsInTheUrlAreNeitherKeyNorWritten() throws IOException {
        PageCache cache = PageCache.in(dir);
        cache.put(HttpUrl.get("https://alice:s3cret@index.example/simple/my-project/"), FILES, 1_000, null, null);

        assertThat(fresh(cache, PAGE, 0)).isEqualTo(FILES);
        assertThat(fresh(cache, HttpUrl.get("https://bob:other@index.example/simple/my-project/"), 0)).isEqualTo(FILES);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("s3cret").doesNotContain("alice");
            }
        }
    }

    @Test
    void anUnwritableFolderIsSilentlyNoCache() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        PageCache cache = PageCache.in(file.resolve("pages"));

        cache.put(PAGE, FILES, 1_000, null, null);

        assertThat(fresh(cache, PAGE, 0)).isNull();
    }

    @Test
    void aNewEntryReplacesTheOldOneAndLeavesNoTemporaryFile() throws IOException {
        PageCache cache = PageCache.in(dir);
        cache.put(PAGE, FILES, 1_000, null, null);
        cache.put(PAGE, List.of(), 2_000, null, null);

        assertThat(fresh(cache, PAGE, 1_500)).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    // --- freshness: OkHttp's rule for max-age, and nothing less plain -----------------------------------------

    private static final long SENT = 1_700_000_000_000L;

    private static Response.Builder response(String... headers) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url(PAGE).build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK").body(ResponseBody.create(new byte[0], null))
                .sentRequestAtMillis(SENT).receivedResponseAtMillis(SENT + 40);
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b;
    }

    @Test
    void maxAgeCountsFromWhenTheRequestWasSent() {
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600, public").build())).isEqualTo(SENT + 600_000);
    }

    @Test
    void anAgeOrALateDateIsAlreadySpent() {
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Age", "100").build()))
                .isEqualTo(SENT + 500_000);
        // Date 30 s before the request was sent, the response arriving 40 ms after it: the response was already
        // 30.04 s old when it arrived, which counts rather than the smaller Age
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochMilli(SENT - 30_000).atOffset(java.time.ZoneOffset.UTC));
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Date", date, "Age", "10").build()))
                .isEqualTo(SENT + 600_000 - 30_040);
    }

    @Test
    void anythingLessPlainIsLeftToTheHttpCache() {
        long notFresh = HttpTransport.NOT_FRESH;
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "no-cache").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600, no-store").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Pragma", "no-cache").build()))
                .isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=0").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Expires", "Wed, 21 Oct 2099 07:28:00 GMT").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response().build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Vary", "Accept, Authorization").build()))
                .isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Vary", "*").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600", "Age", "soon").build())).isEqualTo(notFresh);
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600").code(203).build())).isEqualTo(notFresh);
        Response redirect = response().code(301).message("Moved").build();
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600").priorResponse(redirect).build()))
                .isEqualTo(notFresh);
    }

    @Test
    void a304GivesTheFreshnessOfTheCopyItConfirms() {
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=600").code(304).message("Not Modified").build()))
                .isEqualTo(SENT + 600_000);
        assertThat(HttpTransport.freshUntil(response().code(304).message("Not Modified").build())).isEqualTo(HttpTransport.NOT_FRESH);
    }

    @Test
    void varyOnHeadersEveryRequestSendsAlikeIsFine() {
        assertThat(HttpTransport.freshUntil(response("Cache-Control", "max-age=60", "Vary", "Accept-Encoding, accept").build()))
                .isEqualTo(SENT + 60_000);
    }
}
