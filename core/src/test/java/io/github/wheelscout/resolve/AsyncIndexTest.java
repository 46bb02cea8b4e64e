package io.github.wheelscout.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resolution against an index whose answers arrive later, on other threads, in random order (as from a real
 * HTTP client): the rounds that wait for an answer are replayed once it is there, and the result is the one an
 * index answering at once gives. Index answers are asked concurrently.
 */
class AsyncIndexTest {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Delays every answer of {@code index} by 0 to 20 ms, and counts how many are in flight at once. */
    private final class Delayed implements PackageIndex {
        private final PackageIndex index;
        private final Random random = new Random(42);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Delayed(PackageIndex index) {
            this.index = index;
        }

        private <T> CompletableFuture<T> later(Supplier<T> answer) {
            CompletableFuture<T> out = new CompletableFuture<>();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            int delay;
            synchronized (random) {
                delay = random.nextInt(20);
            }
            timer.schedule(() -> {
                inFlight.decrementAndGet();
                try {
                    out.complete(answer.get());
                } catch (RuntimeException e) {
                    out.completeExceptionally(e.getCause() != null ? e.getCause() : e);
                }
            }, delay, TimeUnit.MILLISECONDS);
            return out;
        }

        @Override
        public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
            return later(() -> {
                try {
                    return index.files(name);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }

        @Override
        public CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
            return later(() -> {
                try {
                    return index.metadata(name, version);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }

        @Override
        public ProjectFiles files(ProjectName name) {
            throw new UnsupportedOperationException("asked synchronously");
        }

        @Override
        public Optional<ReleaseMetadata> metadata(ProjectName name, String version) {
            throw new UnsupportedOperationException("asked synchronously");
        }

        @Override
        public String describe() {
            return index.describe();
        }
    }

    private static List<AnalysisRequirement> reqs(List<String> requirements) {
        return requirements.stream().map(AnalysisRequirement::of).toList();
    }

    private static String summary(Resolution r) {
        if (!r.isResolved()) {
            return r.status() + ": " + r.conflict().explanation();
        }
        Map<String, String> out = new TreeMap<>();
        r.packages().forEach(p -> out.put(p.name().value(), p.version() + " via " + p.viaText() + " "
                + p.dependencies().status()));
        return out.toString();
    }

    private void sameAsSynchronous(PackageIndex index, List<String> requirements, List<Target> targets) {
        List<Resolution> expected = Resolver.builder(index).build().resolve(reqs(requirements), targets);
        Delayed delayed = new Delayed(index);
        List<Resolution> actual = Resolver.builder(delayed).build().resolve(reqs(requirements), targets);
        for (int t = 0; t < targets.size(); t++) {
            assertThat(summary(actual.get(t))).as(targets.get(t).displayName()).isEqualTo(summary(expected.get(t)));
            assertThat(actual.get(t).rounds()).isEqualTo(expected.get(t).rounds());
        }
        assertThat(delayed.maxInFlight.get()).as("answers in flight at once").isGreaterThan(1);
    }

    @Test
    void backtracking_extras_and_conflicts_resolve_as_with_an_immediate_index() {
        SyntheticIndex index = new SyntheticIndex()
                .release("a", "1.0", "b>=1", "c", "d[x]")
                .release("a", "2.0", "b>=2", "c<2", "d[x]")
                .release("b", "1.0")
                .release("b", "2.0", "c>=2")
                .release("c", "1.0").release("c", "2.0")
                .release("d", "1.0", "e; extra == \"x\"", "f; python_version < \"3.11\"")
                .release("e", "1.0").release("f", "1.0")
                .withoutMetadata("g", "1.0")
                .failing("h")
                .release("web", "1.0", "driver>=3").release("reports", "1.0", "driver<3").release("driver", "3.0");
        List<Target> targets = List.of(Target.forImage("python:3.12-slim"), Target.forImage("python:3.10-alpine"));
        sameAsSynchronous(index, List.of("a", "g", "h"), targets);
        sameAsSynchronous(index, List.of("web", "reports"), targets);
    }

    @Test
    void a_large_real_graph_resolves_as_with_an_immediate_index() {
        UvLock lock = UvLock.read("PrefectHQ__prefect.uv.lock");
        Target target = Target.forImage("python:3.12-slim");
        List<String> requirements = new ArrayList<>(lock.requirements(Set.of("otel"), target.markerEnvironment()));
        sameAsSynchronous(lock.index(), requirements, List.of(target, Target.forImage("python:3.10-slim", "arm64")));
    }
}
