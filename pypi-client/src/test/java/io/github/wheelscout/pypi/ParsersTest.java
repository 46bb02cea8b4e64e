package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document readers on the real recorded documents. */
class ParsersTest {

    private static ByteArrayInputStream recorded(String path) {
        return new ByteArrayInputStream(Fixtures.recorded(path));
    }

    private static IndexFile named(List<IndexFile> files, String filename) {
        return files.stream().filter(f -> f.filename().equals(filename)).findFirst().orElseThrow(
                () -> new AssertionError("no " + filename));
    }

    @Test
    void jsonApiReadsEveryFileOfEveryReleaseOfNumpy() throws IOException {
        List<IndexFile> files = JsonApiParser.projectFiles(recorded("json/numpy.json"), ProjectName.of("numpy"), "numpy.json");

        assertThat(files).hasSize(3170);
        IndexFile musl = named(files, "numpy-1.25.2-cp311-cp311-musllinux_1_1_x86_64.whl");
        assertThat(musl.version()).isEqualTo("1.25.2");
        assertThat(musl.kind()).isEqualTo(FileKind.WHEEL);
        assertThat(musl.requiresPython()).isEqualTo(">=3.9");
        assertThat(musl.sha256()).hasSize(64);
        assertThat(musl.size()).isPresent();
        assertThat(musl.uploadTime()).isAfter(Instant.parse("2023-07-01T00:00:00Z"));
        assertThat(files).noneMatch(f -> f.filename().startsWith("numpy-1.25.2-cp312"));
    }

    @Test
    void jsonApiKeepsYankedReasons() throws IOException {
        List<IndexFile> files = JsonApiParser.projectFiles(recorded("json/requests.json"), ProjectName.of("requests"), "x");

        IndexFile yanked = named(files, "requests-2.32.0-py3-none-any.whl");
        assertThat(yanked.yanked()).isTrue();
        assertThat(yanked.yankedReason()).isEqualTo("Yanked due to conflicts with CVE-2024-35195 mitigation");
        assertThat(named(files, "requests-2.32.3-py3-none-any.whl").yanked()).isFalse();
        assertThat(files.stream().filter(IndexFile::yanked).map(IndexFile::version).distinct())
                .containsExactlyInAnyOrder("2.32.0", "2.32.1");
    }

    @Test
    void jsonApiReadsTheLegacyFormatWithoutDigests() throws IOException {
        List<IndexFile> files = JsonApiParser.projectFiles(recorded("json/psycopg2.json"), ProjectName.of("psycopg2"), "x");

        IndexFile win = named(files, "psycopg2-2.6.2-cp26-none-win32.whl");
        assertThat(win.hashes()).containsEntry("md5", "24ece1e5ea08083289e564b2b864a5a6");
        assertThat(win.uploadTime()).isEqualTo(Instant.parse("2016-07-08T03:12:31Z"));
    }

    @Test
    void jsonApiReleaseGivesRequiresDist() throws IOException {
        ReleaseMetadata m = JsonApiParser.releaseMetadata(recorded("json/requests/2.31.0.json"),
                ProjectName.of("requests"), "2.31.0", "x");

        assertThat(m.requiresPython()).isEqualTo(">=3.7");
        assertThat(m.requiresDist()).contains("charset-normalizer (<4,>=2)", "PySocks (!=1.5.7,>=1.5.6) ; extra == 'socks'");
    }

    @Test
    void truncatedJsonIsAnErrorNamingTheSource() {
        byte[] doc = Fixtures.recorded("json/requests.json");
        byte[] half = Arrays.copyOf(doc, doc.length / 2);

        assertThatThrownBy(() -> JsonApiParser.projectFiles(new ByteArrayInputStream(half), ProjectName.of("requests"),
                "https://example.test/pypi/requests/json"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("https://example.test/pypi/requests/json")
                .hasMessageContaining("truncated");
    }

    @Test
    void aDocumentWithoutReleasesIsNotAnEmptyProject() {
        assertThatThrownBy(() -> JsonApiParser.projectFiles(
                new ByteArrayInputStream("{\"info\":{}}".getBytes(StandardCharsets.UTF_8)), ProjectName.of("x"), "src"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no 'releases'");
    }

    @Test
    void pep691JsonWithPep700And714Fields() throws IOException {
        List<IndexFile> files = SimpleApiParser.json(recorded("simple-json/numpy.json"), ProjectName.of("numpy"),
                "https://example.test/simple/numpy/", "x");

        assertThat(files).hasSize(8);
        IndexFile sdist = named(files, "numpy-1.5.0.tar.gz");
        assertThat(sdist.version()).isEqualTo("1.5.0");
        assertThat(sdist.size()).hasValue(2276377);
        assertThat(sdist.uploadTime()).isEqualTo(Instant.parse("2010-09-15T14:44:53.723687Z"));
        assertThat(sdist.coreMetadata()).isFalse();
    }

    @Test
    void pep691YankedReasonAndRequiresPython() throws IOException {
        List<IndexFile> files = SimpleApiParser.json(recorded("simple-json/black.json"), ProjectName.of("black"),
                "https://example.test/simple/black/", "x");

        IndexFile yanked = named(files, "black-21.11b0-py3-none-any.whl");
        assertThat(yanked.yanked()).isTrue();
        assertThat(yanked.yankedReason()).isEqualTo("Broken regex dependency. Use 21.11b1 instead.");
        assertThat(yanked.version()).isEqualTo("21.11b0");
        assertThat(named(files, "black-19.10b0-py36-none-any.whl").yanked()).isFalse();
    }

    @Test
    void pep691MetadataFlagsAsPipReadsThem() throws IOException {
        String page = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"x\",\"files\":["
                + "{\"filename\":\"x-1.0-py3-none-any.whl\",\"url\":\"x-1.0-py3-none-any.whl\",\"hashes\":{},\"core-metadata\":{\"sha256\":\"ab\"}},"
                + "{\"filename\":\"x-1.1-py3-none-any.whl\",\"url\":\"x-1.1-py3-none-any.whl\",\"hashes\":{},\"dist-info-metadata\":true},"
                + "{\"filename\":\"x-1.2-py3-none-any.whl\",\"url\":\"x-1.2-py3-none-any.whl\",\"hashes\":{},\"core-metadata\":false,\"yanked\":\"\"},"
                + "{\"filename\":\"x-1.3.tar.gz\",\"url\":\"../../f/x-1.3.tar.gz\",\"hashes\":{},\"yanked\":true}]}";
        List<IndexFile> files = SimpleApiParser.json(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                ProjectName.of("x"), "https://example.test/simple/x/", "x");

        assertThat(files).extracting(IndexFile::coreMetadata).containsExactly(true, true, false, false);
        assertThat(files).extracting(IndexFile::yanked).containsExactly(false, false, false, true);
        assertThat(files.get(3).url()).isEqualTo("https://example.test/f/x-1.3.tar.gz");
        assertThat(files.get(3).yankedReason()).isNull();
    }

    @Test
    void anUnknownMajorApiVersionIsRefused() {
        String page = "{\"meta\":{\"api-version\":\"2.0\"},\"name\":\"x\",\"files\":[]}";
        assertThatThrownBy(() -> SimpleApiParser.json(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                ProjectName.of("x"), "https://example.test/simple/x/", "page"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("'2.0'");
    }

    @Test
    void pep503HtmlWithHashFragmentsAndRequiresPython() throws IOException {
        List<IndexFile> files = SimpleApiParser.html(recorded("simple-html/requests.html"), ProjectName.of("requests"),
                "https://pypi.org/simple/requests/", "x");

        assertThat(files).hasSize(185);
        IndexFile wheel = named(files, "requests-2.19.1-py2.py3-none-any.whl");
        assertThat(wheel.version()).isEqualTo("2.19.1");
        assertThat(wheel.sha256()).hasSize(64);
        assertThat(wheel.url()).doesNotContain("#");
        assertThat(files).filteredOn(f -> f.requiresPython() != null).hasSize(4);
    }

    @Test
    void pep503RelativeLinksResolveAgainstThePage() throws IOException {
        List<IndexFile> files = SimpleApiParser.html(recorded("simple-html/luigi.html"), ProjectName.of("luigi"),
                "https://example.test/simple/luigi/", "x");

        assertThat(files).hasSize(42);
        assertThat(files).allSatisfy(f -> assertThat(f.url()).startsWith("https://example.test/packages/"));
        assertThat(files.get(0).hashes()).containsKey("md5");
    }

    @Test
    void pep503YankedAndUnescapedRequiresPython() throws IOException {
        List<IndexFile> files = SimpleApiParser.html(recorded("simple-html/black.html"), ProjectName.of("black"),
                "https://pypi.org/simple/black/", "x");

        IndexFile yanked = named(files, "black-21.11b0-py3-none-any.whl");
        assertThat(yanked.yanked()).isTrue();
        assertThat(yanked.yankedReason()).isEqualTo("Broken regex dependency. Use 21.11b1 instead.");
        assertThat(yanked.requiresPython()).isEqualTo(">=3.6.2");
    }

    @Test
    void pep503AttributesAsPipReadsThem() throws IOException {
        String page = "<html><head><base href=\"https://files.example/base/\"></head><body>"
                + "<a href=\"x-1.0.tar.gz#sha256=abc\" data-requires-python=\"&amp;gt;=3.8\" data-yanked=\"\""
                + " data-dist-info-metadata=\"sha256=ff\">x-1.0.tar.gz</a>"
                + "<a href=\"x-2.0-py3-none-any.whl\" data-core-metadata=\"true\">x</a><a>no href</a></body></html>";
        List<IndexFile> files = SimpleApiParser.html(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                ProjectName.of("x"), "https://example.test/simple/x/", "x");

        assertThat(files).hasSize(2);
        assertThat(files.get(0).url()).isEqualTo("https://files.example/base/x-1.0.tar.gz");
        assertThat(files.get(0).sha256()).isEqualTo("abc");
        assertThat(files.get(0).requiresPython()).isEqualTo(">=3.8");
        assertThat(files.get(0).yanked()).isTrue();
        assertThat(files.get(0).yankedReason()).isNull();
        assertThat(files.get(0).coreMetadata()).isTrue();
        assertThat(files.get(1).coreMetadata()).isTrue();
        assertThat(files.get(1).version()).isEqualTo("2.0");
    }

    @Test
    void coreMetadataHeadersWithContinuationsAndABody() throws IOException {
        String metadata = "Metadata-Version: 2.1\nName: x\nVersion: 1.0\nrequires-dist: a>=1\nRequires-Dist: b ;\n"
                + "  extra == \"c\"\nRequires-Python: >=3.9\n\nRequires-Dist: not-a-header-in-the-body\n";
        ReleaseMetadata m = CoreMetadataParser.parse(metadata.getBytes(StandardCharsets.UTF_8), ProjectName.of("x"), "1.0", "x");

        assertThat(m.requiresDist()).containsExactly("a>=1", "b ; extra == \"c\"");
        assertThat(m.requiresPython()).isEqualTo(">=3.9");
    }

    @Test
    void coreMetadataThatIsNotHeadersIsAnError() {
        assertThatThrownBy(() -> CoreMetadataParser.parse("<html>login</html>".getBytes(StandardCharsets.UTF_8),
                ProjectName.of("x"), "1.0", "src")).isInstanceOf(MalformedResponseException.class).hasMessageContaining("src");
    }

    @Test
    void readsUploadTimesInEveryIsoFormAsTheGeneralParserDoes() {
        for (String text : List.of("2024-05-20T16:08:19.530618Z", "2024-05-20T16:08:19Z", "2024-05-20T16:08:19.5Z",
                "2024-05-20T16:08:19.123456789Z", "2024-02-29T23:59:59.999Z", "2024-05-20T16:08:19+02:00",
                "2024-05-20T16:08:19.530618+00:00", "2024-05-20T16:08Z", "2024-05-20T16:08:19.Z")) {
            assertThat(Documents.uploadTime(text)).as(text).isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
        assertThat(Documents.uploadTime("2024-05-20T16:08:19")).isEqualTo(Instant.parse("2024-05-20T16:08:19Z"));
        for (String bad : List.of("2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-05-20T16:08:19.1234567890Z", "2024-05-2OT16:08:19Z", "not a time", "")) {
            assertThat(Documents.uploadTime(bad)).as(bad).isNull();
        }
    }
}
