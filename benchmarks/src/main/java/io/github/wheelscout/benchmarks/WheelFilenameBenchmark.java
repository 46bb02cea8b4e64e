package io.github.wheelscout.benchmarks;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.tags.CompressedTagSet;
import io.github.wheelscout.tags.Target;
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
 * Wheel filename parse + match throughput on one thread: 4,096 wheel filenames spread over the fixtures' mirror
 * (of its 13,700 real names: pure wheels, manylinux/musllinux/macOS/Windows, compressed tag sets, build tags)
 * parsed and matched against a target. The score is filenames per second (each invocation handles the 4,096 and
 * counts as that many operations). The goal is at least 5 million per second on one core.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar WheelFilenameBenchmark -prof gc
 * }</pre>
 *
 * <ul>
 *   <li>{@code parseAndMatch}: {@code WheelFilename.tryParse} then {@code Target.compatibility}, what
 *       {@code wheelscout match} and the analysis do for every file;</li>
 *   <li>{@code parse}: {@code WheelFilename.tryParse} alone;</li>
 *   <li>{@code match}: {@code Target.compatibility} of tag sets parsed beforehand.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WheelFilenameBenchmark {

    /** Sized so that {@link OperationsPerInvocation} is exact whatever the mirror holds. */
    static final int BATCH = 4096;

    @Param({"python:3.12-alpine", "python:3.12-slim"})
    public String image;

    private String[] names;
    private CompressedTagSet[] tags;
    private Target target;

    @Setup
    public void setUp() {
        String[] all = Corpus.wheelFilenames();
        names = new String[BATCH];
        tags = new CompressedTagSet[BATCH];
        // spread over the whole mirror, not its first projects
        for (int i = 0; i < BATCH; i++) {
            names[i] = all[(int) ((long) i * all.length / BATCH)];
            tags[i] = WheelFilename.parse(names[i]).tags();
        }
        target = Target.forImage(image);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parseAndMatch(Blackhole bh) {
        for (String name : names) {
            WheelFilename wheel = WheelFilename.tryParse(name).orElse(null);
            bh.consume(wheel == null ? -2 : target.compatibility(wheel).priority());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parse(Blackhole bh) {
        for (String name : names) {
            bh.consume(WheelFilename.tryParse(name).orElse(null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void match(Blackhole bh) {
        for (CompressedTagSet t : tags) {
            bh.consume(target.compatibility(t).priority());
        }
    }
}
