package io.github.wheelscout.benchmarks;

import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PEP 440 specifier matching on one thread: a specifier set (as requirements and Requires-Python write them)
 * tested against every version of the fixtures' mirror, and specifier sets parsed. Scores are versions tested
 * per second and specifier sets parsed per second.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SpecifierBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpecifierBenchmark {

    static final int BATCH = 4096;

    /** Typical shapes: a range, a compatible release, a wildcard exclusion list (Requires-Python), a pin. */
    @Param({">=1.26,<2.1", "~=2.31", ">=3.8,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*", "==1.25.2"})
    public String specifier;

    private SpecifierSet set;
    private Version[] versions;
    private String[] texts;

    @Setup
    public void setUp() {
        String[] all = Corpus.versionStrings();
        versions = new Version[BATCH];
        for (int i = 0; i < BATCH; i++) {
            versions[i] = Version.parse(all[(int) ((long) i * all.length / BATCH)]);
        }
        set = SpecifierSet.parse(specifier);
        texts = new String[BATCH];
        java.util.Arrays.fill(texts, specifier);
    }

    /** {@code SpecifierSet.contains} with pre-releases allowed (no filtering shortcut): versions per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void contains(Blackhole bh) {
        for (Version v : versions) {
            bh.consume(set.contains(v, true));
        }
    }

    /** {@code SpecifierSet.parse}: sets per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parse(Blackhole bh) {
        for (String text : texts) {
            bh.consume(SpecifierSet.parse(text));
        }
    }
}
