package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ReleaseMetadata;
import java.util.Optional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The index document readers (JSON API, Simple API JSON and HTML, core metadata) over real recorded documents
 * mutated byte by byte (flipped, cut, repeated, invalid UTF-8, NUL, deep nesting spliced in) and pathological
 * ones: a list of files or a {@link MalformedResponseException} naming the source, never another exception, a
 * hang or unbounded memory; and whatever files a hostile page yields, the analysis of them does not throw.
 */
class ParsersProperties {

    private static final ProjectName PROJECT = ProjectName.of("requests");
    private static final String PAGE = "https://index.example/simple/requests/";
    // Small real documents (mutating megabytes costs time and finds nothing more).
    private static final List<byte[]> JSON_API = List.of(Fixtures.recorded("json/psycopg2.json"),
            Fixtures.recorded("json/pytest/3.5.1.json"), Fixtures.recorded("json/requests/2.31.0.json"),
            Fixtures.recorded("json/black/21.11b0.json"));
    private static final List<byte[]> SIMPLE_JSON = List.of(Fixtures.recorded("simple-json/numpy.json"),
            Fixtures.recorded("simple-json/black.json"), Fixtures.recorded("simple-json/argset.json"));
    private static final List<byte[]> SIMPLE_HTML = List.of(Fixtures.recorded("simple-html/luigi.html"),
            Fixtures.recorded("simple-html/attrs.html"), Fixtures.recorded("simple-html/qypi.html"),
            Fixtures.recorded("simple-html/black.html"));
    private static final byte[] METADATA = ("Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n"
            + "Requires-Python: >=3.7\nRequires-Dist: charset-normalizer (<4,>=2)\nRequires-Dist: idna<4,>=2.5\n"
            + "Requires-Dist: PySocks!=1.5.7,>=1.5.6 ; extra == 'socks'\n  continued\n\nThe description.\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final List<Target> TARGETS = List.of(Target.forImage("python:3.12-alpine"),
            Target.forImage("python:3.8-slim"));

    /** One edit of a document's bytes. */
    interface ByteMutation {
        byte[] apply(byte[] in);
    }

    private static final byte[][] SPLICES = {
        {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0}, {'"'}, {'\\'},
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".getBytes(StandardCharsets.UTF_8),
        "{\"a\":".repeat(80).getBytes(StandardCharsets.UTF_8), "<div><a href=".getBytes(StandardCharsets.UTF_8),
        "</a></body>".getBytes(StandardCharsets.UTF_8), "&#x0;&bogus;&#99999999;".getBytes(StandardCharsets.UTF_8),
        "1e999999".getBytes(StandardCharsets.UTF_8), "-1".getBytes(StandardCharsets.UTF_8),
        "99999999999999999999999999".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
        "\uFEFF\u2028".getBytes(StandardCharsets.UTF_8), "\r\n \t".getBytes(StandardCharsets.UTF_8),
    };

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<ByteMutation> flip = Combinators.combine(at, Arbitraries.bytes()).as((p, b) -> in -> {
            byte[] out = in.clone();
            if (out.length > 0) {
                out[Math.min(out.length - 1, (int) (p * out.length))] = b;
            }
            return out;
        });
        Arbitrary<ByteMutation> cut = at.map(p -> in -> java.util.Arrays.copyOf(in, (int) (p * in.length)));
        Arbitrary<ByteMutation> delete = Combinators.combine(at, Arbitraries.integers().between(1, 200))
                .as((p, n) -> in -> {
                    int i = (int) (p * in.length);
                    int j = Math.min(in.length, i + n);
                    byte[] out = new byte[in.length - (j - i)];
                    System.arraycopy(in, 0, out, 0, i);
                    System.arraycopy(in, j, out, i, in.length - j);
                    return out;
                });
        Arbitrary<ByteMutation> splice = Combinators.combine(at, Arbitraries.of(SPLICES)).as((p, s) -> in -> {
            int i = (int) (p * in.length);
            byte[] out = new byte[in.length + s.length];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(s, 0, out, i, s.length);
            System.arraycopy(in, i, out, i + s.length, in.length - i);
            return out;
        });
        return Arbitraries.oneOf(flip, cut, delete, splice, splice).list().ofMinSize(1).ofMaxSize(5);
    }

    private static byte[] mutate(byte[] doc, List<ByteMutation> mutations) {
        byte[] out = doc;
        for (ByteMutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> jsonApi() {
        return Combinators.combine(Arbitraries.of(JSON_API), mutations()).as(ParsersProperties::mutate);
    }

    @Provide
    Arbitrary<byte[]> simpleJson() {
        return Combinators.combine(Arbitraries.of(SIMPLE_JSON), mutations()).as(ParsersProperties::mutate);
    }

    @Provide
    Arbitrary<byte[]> simpleHtml() {
        return Combinators.combine(Arbitraries.of(SIMPLE_HTML), mutations()).as(ParsersProperties::mutate);
    }

    @Provide
    Arbitrary<byte[]> metadata() {
        return mutations().map(ms -> mutate(METADATA, ms));
    }

    /** Reads {@code body} with {@code reader}: the files, or null when it was refused as malformed. */
    private static List<IndexFile> read(Reader reader, byte[] body) {
        try {
            return reader.read(new ByteArrayInputStream(body));
        } catch (MalformedResponseException e) {
            assertThat(e.getMessage()).startsWith("doc");
            return null;
        } catch (IOException e) {
            throw new AssertionError("not a MalformedResponseException: " + e, e);
        }
    }

    interface Reader {
        List<IndexFile> read(InputStream in) throws IOException;
    }

    /** Whatever files a page yields, analysing them gives an outcome, never an exception. */
    private static void analyse(List<IndexFile> files) {
        if (files == null) {
            return;
        }
        for (Outcome o : outcomes(files, "requests>=2.0,!=2.31.*")) {
            assertThat(o.verdict()).isNotNull();
            if (o.verdict().isWheel()) {
                assertThat(o.file().filename()).endsWith(".whl");
            }
        }
    }

    /** The outcomes of a requirement on the targets, the index holding {@code files}. */
    private static List<Outcome> outcomes(List<IndexFile> files, String requirement) {
        PackageIndex index = new PackageIndex() {
            @Override
            public ProjectFiles files(ProjectName name) {
                return new ProjectFiles(name, true, files, "doc");
            }

            @Override
            public Optional<ReleaseMetadata> metadata(ProjectName name, String version) {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "doc";
            }
        };
        List<AnalysisRequirement> requirements = List.of(AnalysisRequirement.of(requirement));
        AnalysisReport report = WheelAnalyzer.builder(index).build().analyze(requirements, TARGETS);
        List<Outcome> out = new ArrayList<>();
        for (RequirementReport r : report.requirements()) {
            out.addAll(r.outcomes());
        }
        assertThat(out).hasSize(requirements.size() * TARGETS.size());
        return out;
    }

    @Property
    void jsonApiDocumentsGiveFilesOrAMalformedResponse(@ForAll("jsonApi") byte[] body) {
        analyse(read(in -> JsonApiParser.projectFiles(in, PROJECT, "doc"), body));
        try {
            JsonApiParser.releaseMetadata(new ByteArrayInputStream(body), PROJECT, "2.31.0", "doc");
        } catch (MalformedResponseException expected) {
            assertThat(expected.getMessage()).startsWith("doc");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property
    void simpleJsonPagesGiveFilesOrAMalformedResponse(@ForAll("simpleJson") byte[] body) {
        analyse(read(in -> SimpleApiParser.json(in, PROJECT, PAGE, "doc"), body));
    }

    @Property
    void simpleHtmlPagesGiveFilesOrAMalformedResponse(@ForAll("simpleHtml") byte[] body) {
        List<IndexFile> files = read(in -> SimpleApiParser.html(in, PROJECT, PAGE, "doc"), body);
        analyse(files);
        if (files != null) {
            for (IndexFile f : files) {
                assertThat(f.filename()).isNotEmpty();
                assertThat(f.url()).doesNotContain("#");
            }
        }
    }

    @Property
    void coreMetadataGivesFieldsOrAMalformedResponse(@ForAll("metadata") byte[] body) {
        try {
            CoreMetadataParser.parse(body, PROJECT, "2.31.0", "doc");
        } catch (MalformedResponseException expected) {
            assertThat(expected.getMessage()).startsWith("doc");
        }
    }

    // ---- pathological documents (the timeouts only catch hangs) ---------------------------------------------

    private static InputStream repeated(String head, String unit, int times, String tail) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)));
        byte[] chunk = unit.repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < times / 1000; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        parts.add(new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deeplyNestedOrHugeJsonIsAMalformedResponse() {
        assertThatThrownBy(() -> JsonApiParser.projectFiles(repeated("{\"releases\":", "[", 1_000_000, ""),
                PROJECT, "doc")).isInstanceOf(MalformedResponseException.class).hasMessageStartingWith("doc");
        assertThatThrownBy(() -> JsonApiParser.projectFiles(repeated("{\"info\":", "{\"a\":", 1_000_000, ""),
                PROJECT, "doc")).isInstanceOf(MalformedResponseException.class).hasMessageContaining("nesting");
        assertThatThrownBy(() -> SimpleApiParser.json(repeated("{\"files\":[{\"filename\":\"", "x", 30_000_000,
                "\"}]}"), PROJECT, PAGE, "doc")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> SimpleApiParser.json(repeated("{\"files\":[{\"size\":", "9", 2_000_000, "}]}"),
                PROJECT, PAGE, "doc")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fiftyThousandFilesAreReadInLinearTime() throws IOException {
        String file = "{\"filename\":\"requests-1.0.tar.gz\",\"url\":\"requests-1.0.tar.gz\",\"hashes\":{}},";
        List<IndexFile> files = SimpleApiParser.json(repeated("{\"files\":[", file, 50_000,
                "{\"filename\":\"x.whl\",\"url\":\"x.whl\"}]}"), PROJECT, PAGE, "doc");
        assertThat(files).hasSize(50_001);
        analyse(files.subList(0, 1000));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void brokenHtmlIsReadAsBrowsersReadIt() throws IOException {
        List<IndexFile> deep = SimpleApiParser.html(repeated("<html><body>", "<div><span>", 50_000,
                "<a href=\"requests-2.0.tar.gz#sha256=ab\">requests-2.0.tar.gz</a>"), PROJECT, PAGE, "doc");
        assertThat(deep).extracting(IndexFile::filename).containsExactly("requests-2.0.tar.gz");
        List<IndexFile> unclosed = SimpleApiParser.html(repeated("<a href=\"requests-1.0.tar.gz\">",
                "<a href=\"requests-1.0.tar.gz\" data-yanked data-requires-python=\"&gt;=3\">", 20_000, "<a href="),
                PROJECT, PAGE, "doc");
        assertThat(unclosed).hasSizeGreaterThanOrEqualTo(20_000);
        byte[] invalid = {'<', 'a', ' ', 'h', 'r', 'e', 'f', '=', '"', (byte) 0xC3, '(', 'x', '.', 'w', 'h', 'l', '"',
            '>', (byte) 0xFF, '<', '/', 'a', '>'};
        assertThat(SimpleApiParser.html(new ByteArrayInputStream(invalid), PROJECT, PAGE, "doc")).hasSize(1);
        assertThat(SimpleApiParser.html(repeated("<a href=\"", "%", 500_000, "\">x</a>"), PROJECT, PAGE, "doc"))
                .allSatisfy(f -> assertThat(f.filename()).isNotEmpty());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void enormousCoreMetadataIsReadInLinearTime() throws IOException {
        byte[] continued = ("Name: x\nRequires-Dist: a\n" + " b\n".repeat(1_000_000) + "\n").getBytes(
                StandardCharsets.UTF_8);
        assertThat(CoreMetadataParser.parse(continued, PROJECT, "1", "doc").requiresDist()).hasSize(1);
        byte[] many = ("Name: x\n" + "Requires-Dist: a\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(CoreMetadataParser.parse(many, PROJECT, "1", "doc").requiresDist()).hasSize(200_000);
    }

    @Test
    void aVerdictOfAHostileFileListIsNeverAWheelThatDoesNotFit() {
        // Files whose names lie (another project's wheel, an invalid name or version) are skipped, as pip skips them.
        List<IndexFile> files = List.of(
                file("numpy-2.0-cp312-cp312-musllinux_1_2_x86_64.whl", "2.0"),
                file("requests-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "2.0"),
                file("requests-3.0-py3-none.whl", "3.0"),
                file("requests-" + "9".repeat(5000) + "-py3-none-any.whl", "9".repeat(5000)),
                file("requests--py3-none-any.whl", ""),
                file("requests-4.0-py3-none-any.whl.metadata", "4.0"),
                file("requests-2.0.tar.gz", "2.0"));
        Outcome o = outcomes(files, "requests").get(0);
        assertThat(o.verdict()).as(o.reason()).isEqualTo(Verdict.SOURCE_BUILD);
        assertThat(o.file().filename()).isEqualTo("requests-2.0.tar.gz");
    }

    private static IndexFile file(String name, String version) {
        return new IndexFile(name, version, io.github.wheelscout.index.FileKind.of(name),
                "https://files.example/" + name, java.util.OptionalLong.of(1), java.util.Map.of(), null, false, null,
                null, false);
    }
}
