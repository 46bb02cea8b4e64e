package io.github.wheelscout.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.tags.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real projects resolved on an index made of their uv.lock, compared with what the lock installs on the same
 * machine (see {@code src/test/resources/uvlocks/PROVENANCE.md}). uv resolves once for every environment; the
 * comparison takes the lock's packages for one concrete target by following its dependency entries with their
 * markers evaluated there.
 */
class UvLockComparisonTest {

    static Stream<Arguments> cases() {
        List<Target> targets = List.of(Target.forImage("python:3.12-slim"), Target.forImage("python:3.10-slim", "arm64"),
                Target.forImage("python:3.14-alpine"));
        Stream.Builder<Arguments> out = Stream.builder();
        for (Target t : targets) {
            out.add(Arguments.of("fastapi__fastapi.uv.lock", Set.of(), t));
            out.add(Arguments.of("fastapi__fastapi.uv.lock", Set.of("standard"), t));
            out.add(Arguments.of("PrefectHQ__prefect.uv.lock", Set.of(), t));
            out.add(Arguments.of("PrefectHQ__prefect.uv.lock", Set.of("otel", "buildx", "bundles"), t));
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void pinned_to_the_lock_the_resolution_installs_exactly_the_locked_packages(String lockFile, Set<String> extras,
            Target target) {
        UvLock lock = UvLock.read(lockFile);
        Map<String, String> env = target.markerEnvironment();
        Map<String, String> expected = lock.installs(extras, env);
        List<AnalysisRequirement> constraints = expected.entrySet().stream()
                .map(e -> AnalysisRequirement.of(e.getKey() + "==" + e.getValue())).toList();
        List<AnalysisRequirement> requirements = lock.requirements(extras, env).stream()
                .map(AnalysisRequirement::of).toList();

        Resolution r = Resolver.builder(lock.index()).constraints(constraints).build().resolve(requirements, target);

        assertThat(r.status()).as(r.conflict() == null ? "" : r.conflict().explanation())
                .isEqualTo(Resolution.Status.RESOLVED);
        assertThat(installed(r)).isEqualTo(expected);
        assertThat(r.isComplete()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void unpinned_the_resolution_installs_the_same_packages(String lockFile, Set<String> extras, Target target) {
        UvLock lock = UvLock.read(lockFile);
        Map<String, String> env = target.markerEnvironment();
        Map<String, String> expected = lock.installs(extras, env);
        List<AnalysisRequirement> requirements = lock.requirements(extras, env).stream()
                .map(AnalysisRequirement::of).toList();

        Resolution r = Resolver.builder(lock.index()).build().resolve(requirements, target);

        assertThat(r.status()).as(r.conflict() == null ? "" : r.conflict().explanation())
                .isEqualTo(Resolution.Status.RESOLVED);
        assertThat(installed(r).keySet()).isEqualTo(expected.keySet());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("targets")
    void a_workspace_extra_that_needs_the_project_itself_resolves_around_the_unbuilt_project(Target target) {
        // prefect[aws] brings prefect-aws, which requires prefect: the project being installed from its checkout.
        UvLock lock = UvLock.read("PrefectHQ__prefect.uv.lock");
        Map<String, String> env = target.markerEnvironment();
        Map<String, String> expected = lock.installs(Set.of("aws"), env);
        List<AnalysisRequirement> requirements = new java.util.ArrayList<>();
        requirements.add(AnalysisRequirement.of("prefect @ file:///src/prefect"));
        lock.requirements(Set.of("aws"), env).stream().map(AnalysisRequirement::of).forEach(requirements::add);
        List<AnalysisRequirement> constraints = expected.entrySet().stream()
                .map(e -> AnalysisRequirement.of(e.getKey() + "==" + e.getValue())).toList();

        Resolution r = Resolver.builder(lock.index()).constraints(constraints).build().resolve(requirements, target);

        Map<String, String> installed = installed(r);
        assertThat(installed.remove("prefect")).isEqualTo("null");
        assertThat(installed).isEqualTo(expected);
        assertThat(r.unknownDependencies()).extracting(p -> p.name().value()).containsExactly("prefect");
    }

    static Stream<Target> targets() {
        return Stream.of(Target.forImage("python:3.12-slim"), Target.forImage("python:3.10-slim", "arm64"));
    }

    private static Map<String, String> installed(Resolution r) {
        Map<String, String> out = new TreeMap<>();
        r.packages().forEach(p -> out.put(p.name().value(), String.valueOf(p.version())));
        return out;
    }
}
