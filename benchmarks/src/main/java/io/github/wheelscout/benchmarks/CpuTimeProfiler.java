package io.github.wheelscout.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, so that figures taken on a machine shared with other work can be compared: JMH's own
 * scores are wall-clock rates, which drop when other processes take the cores, while the CPU time an operation
 * costs barely moves.
 *
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU nanoseconds of the benchmark threads per operation (1e9 / this is the
 *       operations per CPU-second of one core);</li>
 *   <li>{@code cpu.process.norm}: CPU nanoseconds of the whole JVM per operation, garbage collection and the
 *       JIT compiler included.</li>
 * </ul>
 *
 * <p>Use: {@code java -jar benchmarks/target/benchmarks.jar CLASS -prof io.github.wheelscout.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workerStart;
    private long processStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: benchmark threads and the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerStart = workerCpu();
        processStart = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long worker = workerCpu() - workerStart;
        long process = os.getProcessCpuTime() - processStart;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.worker.norm", (double) worker / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", (double) process / ops, "ns/op", AggregationPolicy.AVG));
    }

    /** The CPU time of JMH's worker threads (named {@code ...-jmh-worker-N}), living ones. */
    private long workerCpu() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    total += t;
                }
            }
        }
        return total;
    }
}
