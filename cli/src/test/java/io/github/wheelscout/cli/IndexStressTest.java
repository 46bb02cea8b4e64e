package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.Outcome;
import io.github.wheelscout.analysis.RequirementReport;
import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.analysis.WheelAnalyzer;
import io.github.wheelscout.fixtures.Fault;
import io.github.wheelscout.fixtures.FixtureDispatcher;
import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.pypi.IndexClients;
import io.github.wheelscout.pypi.RetryPolicy;
import io.github.wheelscout.tags.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand requirements over three targets, through the real client, against an index that fails
 * transiently for one project in six and persistently for a few: the analysis ends (no deadlock), every result
 * is accounted for (outcomes = requirements x targets), errors are exactly the persistently failing projects'
 * and everything else equals a healthy index's answer.
 *
 * <p>Sized for {@code mvn verify}; a longer run: {@code mvn -B verify -pl cli -am -Dtest=IndexStressTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dwheelscout.stress.requirements=20000}.
 */
class IndexStressTest {

    private static final int REQUIREMENTS = Integer.getInteger("wheelscout.stress.requirements", 1000);
    private static final List<Target> TARGETS = List.of(Target.forImage("python:3.12-alpine"),
            Target.forImage("python:3.12-slim"), Target.forImage("python:3.10-slim", "arm64"));
    private static final List<String> SPECIFIERS = List.of("", ">=0", "!=0.0.0.1", "<100000", ">=0,<100001");

    @TempDir
    Path tmp;

    @Test
    void aThousandRequirementsOnThreeTargetsWithFaultsLoseNothing() throws Exception {
        // The mirror's projects but the few with huge pages (torch, numpy, ...): this test is about faults and
        // bookkeeping, not about parsing megabytes, and must stay within the suite's budget.
        List<String> projects = new ArrayList<>(Fixtures.mirror().projects().stream()
                .filter(p -> Fixtures.mirror().simpleJson(p).map(b -> b.length < 40_000).orElse(false)).toList());
        projects.sort(null);
        Set<String> persistent = Set.of(projects.get(7), projects.get(77), projects.get(177), projects.get(277));
        FixtureDispatcher.Builder server = FixtureDispatcher.builder(Fixtures.mirror()).latency(Duration.ofMillis(1));
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            String p = projects.get(i);
            Fault f = persistent.contains(p) ? (i % 2 == 0 ? Fault.forProject(p).status(503)
                    : Fault.forProject(p).malformedBody())
                    : i % 6 == 1 ? Fault.forProject(p).status(503).times(2)
                    : i % 6 == 3 ? Fault.forProject(p).resetConnection().times(1)
                    : i % 12 == 5 ? Fault.forProject(p).status(429).retryAfter("0").times(1)
                    : i % 12 == 11 ? Fault.forProject(p).truncatedBody().times(1) : null;
            if (f != null) {
                faults.add(f);
                server.fault(f);
            }
        }
        FixtureDispatcher dispatcher = server.build();

        List<AnalysisRequirement> requirements = new ArrayList<>();
        for (int i = 0; i < REQUIREMENTS; i++) {
            if (i % 20 == 19) {
                requirements.add(AnalysisRequirement.of("not-in-the-index-" + i));
            } else {
                String project = projects.get(i % projects.size());
                requirements.add(AnalysisRequirement.of(project + SPECIFIERS.get(i / projects.size() % 5)));
            }
        }

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long started = System.nanoTime();
        AnalysisReport report;
        try (MockWebServer web = new MockWebServer()) {
            web.setDispatcher(dispatcher);
            web.start();
            try (IndexClient client = IndexClients.builder().environment(Map.of("HOME", tmp.toString()))
                    .indexUrl(web.url("/simple/").toString()).noCache(true)
                    .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ZERO))
                    .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(60)).build()) {
                // A deadlock would hang here: the bound fails the test instead.
                report = WheelAnalyzer.builder(client).build().analyzeAsync(requirements, TARGETS)
                        .get(5, TimeUnit.MINUTES);
            }
        }
        long elapsed = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuStarted;

        AnalysisReport healthy;
        try (IndexClient mirror = IndexClients.builder().environment(Map.of())
                .indexUrl(Fixtures.mirrorFolder(tmp).toString()).build()) {
            healthy = WheelAnalyzer.builder(mirror).build().analyze(requirements, TARGETS);
        }

        int outcomes = 0;
        int errors = 0;
        Set<String> erred = new HashSet<>();
        for (int r = 0; r < requirements.size(); r++) {
            RequirementReport got = report.requirements().get(r);
            RequirementReport want = healthy.requirements().get(r);
            String name = requirements.get(r).name().value();
            assertThat(got.outcomes()).hasSize(TARGETS.size());
            for (int t = 0; t < TARGETS.size(); t++) {
                Outcome o = got.outcome(t);
                outcomes++;
                if (persistent.contains(name)) {
                    assertThat(o.verdict()).as(name).isEqualTo(Verdict.ERROR);
                    assertThat(o.file()).isNull();
                    errors++;
                    erred.add(name);
                } else {
                    Outcome w = want.outcome(t);
                    assertThat(o.verdict()).as("%s on %s: %s", requirements.get(r).text(), o.target(), o.reason())
                            .isEqualTo(w.verdict());
                    assertThat(o.version()).isEqualTo(w.version());
                    assertThat(o.file() == null ? null : o.file().filename())
                            .isEqualTo(w.file() == null ? null : w.file().filename());
                }
            }
        }
        assertThat(outcomes).isEqualTo(REQUIREMENTS * TARGETS.size());
        assertThat(erred).isEqualTo(persistent);
        int summarised = report.summaries().stream().mapToInt(s -> s.counts().values().stream()
                .mapToInt(Integer::intValue).sum()).sum();
        assertThat(summarised).isEqualTo(outcomes);
        assertThat(report.summaries().stream().mapToInt(s -> s.counts().get(Verdict.ERROR)).sum()).isEqualTo(errors);
        IndexFaultsTest.assertOnlyIndexPagesWereRequested(dispatcher);

        int injected = faults.stream().mapToInt(Fault::taken).sum();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("stress: %d requirements x %d targets = %d outcomes (%d errors, 0 lost), %d requests,"
                + " %d faults injected, %.1f s (%.1f s of CPU, server included), heap peak %d MB%n", REQUIREMENTS,
                TARGETS.size(), outcomes, errors, dispatcher.requestCount(), injected, elapsed / 1e9, cpu / 1e9,
                peakHeap >> 20);
    }
}
