package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.AnalysisListener;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.requirement.InvalidRequirementException;
import io.github.wheelscout.requirement.MarkerEvaluationException;
import io.github.wheelscout.requirement.Requirement;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index answers of one resolution run, shared by all its targets: every project's files and every release's
 * metadata are asked once (the futures are memoised), however many targets and rounds need them. When a release's
 * metadata arrives, the files of the dependencies that apply on some target are asked at once, before any round
 * needs them.
 *
 * <p>Thread-safe: answers arrive on the index's threads.
 */
final class IndexData {

    private final PackageIndex index;
    private final List<Map<String, String>> environments;
    private final AnalysisListener listener;
    private final ConcurrentHashMap<ProjectName, CompletableFuture<ProjectFiles>> files = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Release, CompletableFuture<ReleaseInfo>> releases = new ConcurrentHashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    private record Release(ProjectName project, Version version) {
    }

    /**
     * @param environments the marker environments of the run's targets (without {@code extra}), to decide which
     *                     dependencies are worth asking for early
     */
    IndexData(PackageIndex index, List<Map<String, String>> environments, AnalysisListener listener) {
        this.index = index;
        this.environments = List.copyOf(environments);
        this.listener = listener;
    }

    /** Asks for {@code project}'s files (once). */
    CompletableFuture<ProjectFiles> filesAsync(ProjectName project) {
        CompletableFuture<ProjectFiles> known = files.get(project);
        if (known != null) {
            return known;
        }
        return files.computeIfAbsent(project, name -> {
            listener.fetching(asked.incrementAndGet());
            CompletableFuture<ProjectFiles> fetch;
            try {
                fetch = index.filesAsync(name);
            } catch (RuntimeException e) {
                fetch = CompletableFuture.failedFuture(e);
            }
            return fetch.whenComplete((f, e) -> listener.fetched(name, answered.incrementAndGet(), asked.get()));
        });
    }

    /**
     * {@code project}'s files, or the index's failure, when they have arrived.
     *
     * @throws Pending while they have not
     */
    Answer<ProjectFiles> files(ProjectName project) {
        CompletableFuture<ProjectFiles> future = filesAsync(project);
        Pending.await(future);
        return Answer.of(future);
    }

    /** Asks for the metadata of {@code project} {@code version} (once), as the index spells the version. */
    CompletableFuture<ReleaseInfo> releaseAsync(ProjectName project, Version version, String spelling) {
        Release key = new Release(project, version);
        CompletableFuture<ReleaseInfo> known = releases.get(key);
        if (known != null) {
            return known;
        }
        return releases.computeIfAbsent(key, k -> {
            CompletableFuture<Optional<ReleaseMetadata>> fetch;
            try {
                fetch = index.metadataAsync(project, spelling);
            } catch (RuntimeException e) {
                fetch = CompletableFuture.failedFuture(e);
            }
            return fetch.handle((metadata, error) -> {
                ReleaseInfo info = error != null
                        ? ReleaseInfo.error(project + " " + spelling + ": " + describe(unwrap(error)))
                        : metadata.map(IndexData::parse).orElseGet(ReleaseInfo::missing);
                prefetchDependencies(info);
                return info;
            });
        });
    }

    /** The metadata of {@code project} {@code version} if it was asked for and has arrived (asks nothing). */
    Optional<ReleaseInfo> releaseIfKnown(ProjectName project, Version version) {
        CompletableFuture<ReleaseInfo> known = releases.get(new Release(project, version));
        return known != null && known.isDone() ? Optional.of(known.join()) : Optional.empty();
    }

    /**
     * The metadata of {@code project} {@code version} when it has arrived.
     *
     * @throws Pending while it has not
     */
    ReleaseInfo release(ProjectName project, Version version, String spelling) {
        CompletableFuture<ReleaseInfo> future = releaseAsync(project, version, spelling);
        Pending.await(future);
        return future.join();
    }

    private void prefetchDependencies(ReleaseInfo info) {
        for (Requirement r : info.requiresDist()) {
            if (r.url().isPresent()) {
                continue;
            }
            if (r.marker().isEmpty() || environments.stream().anyMatch(env -> appliesSomewhere(r, env))) {
                filesAsync(r.projectName());
            }
        }
    }

    private static boolean appliesSomewhere(Requirement r, Map<String, String> env) {
        Map<String, String> withExtra = new HashMap<>(env);
        withExtra.put("extra", "");
        try {
            return r.marker().orElseThrow().evaluate(withExtra);
        } catch (MarkerEvaluationException e) {
            return true;
        }
    }

    /** The index's metadata read as pip reads it: an unparsable Requires-Dist makes the release unusable. */
    static ReleaseInfo parse(ReleaseMetadata metadata) {
        List<Requirement> requires = new ArrayList<>();
        for (String text : metadata.requiresDist()) {
            try {
                Requirement r = Requirement.parse(text.strip());
                Optional<String> unmatchable = r.unmatchableReason();
                if (unmatchable.isPresent()) {
                    return ReleaseInfo.invalid("its metadata has an invalid Requires-Dist '" + text + "': "
                            + unmatchable.get());
                }
                requires.add(r);
            } catch (InvalidRequirementException e) {
                return ReleaseInfo.invalid("its metadata has an invalid Requires-Dist '" + text + "': "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        // pip warns and ignores a Requires-Python it cannot use.
        String rp = metadata.requiresPython();
        SpecifierSet requiresPython = rp == null ? null : SpecifierSet.tryParseMatchable(rp).orElse(null);
        return ReleaseInfo.known(requires, requiresPython);
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** A value or the error an index answered with. */
    record Answer<T>(T value, String error) {
        static <T> Answer<T> of(CompletableFuture<T> done) {
            try {
                return new Answer<>(done.join(), null);
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return new Answer<>(null, describe(unwrap(e)));
            }
        }
    }

    /**
     * What the index says of one release's dependencies.
     *
     * @param kind           known, missing (the index cannot say), invalid (pip skips the release) or an index error
     * @param requiresDist   the parsed {@code Requires-Dist} entries, in order (empty unless known)
     * @param requiresPython the release's {@code Requires-Python}, or {@code null} when none (or invalid)
     * @param problem        why the dependencies are not known, or {@code null}
     */
    record ReleaseInfo(Kind kind, List<Requirement> requiresDist, SpecifierSet requiresPython, String problem) {

        enum Kind { KNOWN, MISSING, INVALID, ERROR }

        static ReleaseInfo known(List<Requirement> requiresDist, SpecifierSet requiresPython) {
            return new ReleaseInfo(Kind.KNOWN, List.copyOf(requiresDist), requiresPython, null);
        }

        static ReleaseInfo missing() {
            return new ReleaseInfo(Kind.MISSING, List.of(), null, "the index has no metadata for this release");
        }

        static ReleaseInfo invalid(String problem) {
            return new ReleaseInfo(Kind.INVALID, List.of(), null, problem);
        }

        static ReleaseInfo error(String problem) {
            return new ReleaseInfo(Kind.ERROR, List.of(), null, "index error: " + problem);
        }
    }
}
