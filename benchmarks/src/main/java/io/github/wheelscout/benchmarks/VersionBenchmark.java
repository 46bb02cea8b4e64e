package io.github.wheelscout.benchmarks;

import io.github.wheelscout.version.Version;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PEP 440 version parsing and comparison on one thread, over the version strings of every file in the
 * fixtures' mirror (real spellings: {@code 2.1.0}, {@code 1.0rc1}, {@code 2024.1.post1}, {@code 0.1.dev3}, ...).
 * Scores are versions parsed per second, comparisons per second, and whole sorts per second.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar VersionBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionBenchmark {

    static final int BATCH = 4096;

    private String[] texts;
    private Version[] versions;
    private Version[] shuffled;

    @Setup
    public void setUp() {
        String[] all = Corpus.versionStrings();
        texts = new String[BATCH];
        versions = new Version[BATCH];
        for (int i = 0; i < BATCH; i++) {
            texts[i] = all[(int) ((long) i * all.length / BATCH)];
            versions[i] = Version.parse(texts[i]);
        }
        // a fixed pseudo-random order, so that neighbours are not the same project's versions
        shuffled = versions.clone();
        java.util.Collections.shuffle(Arrays.asList(shuffled), new java.util.Random(42));
    }

    /** {@code Version.parse}: versions per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parse(Blackhole bh) {
        for (String text : texts) {
            bh.consume(Version.parse(text));
        }
    }

    /** {@code Version.compareTo} of unrelated neighbours: comparisons per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH - 1)
    public void compare(Blackhole bh) {
        for (int i = 1; i < BATCH; i++) {
            bh.consume(shuffled[i - 1].compareTo(shuffled[i]));
        }
    }

    /** Sorting 4,096 versions (what choosing among a big project's releases costs): sorts per second. */
    @Benchmark
    public Version[] sort() {
        Version[] copy = shuffled.clone();
        Arrays.sort(copy);
        return copy;
    }
}
