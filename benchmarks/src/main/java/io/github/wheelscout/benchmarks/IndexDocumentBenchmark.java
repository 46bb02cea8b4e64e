package io.github.wheelscout.benchmarks;

import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.pypi.JsonApiParser;
import io.github.wheelscout.pypi.SimpleApiParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing the largest index documents of the fixtures, from bytes in memory to {@link IndexFile}s: numpy's
 * recorded PyPI JSON API document ({@code /pypi/numpy/json}, 3.2 MB, 3,170 files), and numpy's pages in the
 * mirror as PEP 691 JSON (1.5 MB) and PEP 503 HTML (1.1 MB), about 3,400 files each. The score is the time per
 * document; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per document.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar IndexDocumentBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IndexDocumentBenchmark {

    private static final ProjectName NUMPY = ProjectName.of("numpy");
    private static final String PAGE = "https://mirror.invalid/simple/numpy/";

    private byte[] jsonApi;
    private byte[] pep691;
    private byte[] pep503;

    @Setup
    public void setUp() {
        jsonApi = Fixtures.recorded("json/numpy.json");
        pep691 = Fixtures.mirror().simpleJson("numpy").orElseThrow();
        pep503 = Fixtures.mirror().simpleHtml("numpy").orElseThrow();
    }

    /** {@code GET /pypi/numpy/json}, recorded from PyPI. */
    @Benchmark
    public List<IndexFile> jsonApi() throws IOException {
        return JsonApiParser.projectFiles(new ByteArrayInputStream(jsonApi), NUMPY, "numpy.json");
    }

    /** {@code GET /simple/numpy/} as PEP 691 JSON. */
    @Benchmark
    public List<IndexFile> simpleJson() throws IOException {
        return SimpleApiParser.json(new ByteArrayInputStream(pep691), NUMPY, PAGE, PAGE);
    }

    /** {@code GET /simple/numpy/} as PEP 503 HTML. */
    @Benchmark
    public List<IndexFile> simpleHtml() throws IOException {
        return SimpleApiParser.html(new ByteArrayInputStream(pep503), NUMPY, PAGE, PAGE);
    }
}
