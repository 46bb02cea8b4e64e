package io.github.wheelscout.pypi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The in-memory cache of parsed answers: a bounded Caffeine cache whose entries expire after a TTL (for a client
 * that lives long, serving many analyses), or a plain map kept for the client's life (for a client that lives as
 * long as one command, where bounds and expiry buy nothing and setting Caffeine up cost a warm {@code check} a
 * tenth of its time); plus the requests in flight, so that concurrent asks for one project share one request.
 * Failures are not kept (the next ask tries again) and are left to the caller to report (an async Caffeine cache
 * would also log them).
 */
final class ResultCache {

    private record Release(ProjectName name, String version) {
    }

    private final Memo<ProjectName, ProjectFiles> files;
    private final Memo<Release, Optional<ReleaseMetadata>> metadata;

    private ResultCache(Map<ProjectName, ProjectFiles> files, Map<Release, Optional<ReleaseMetadata>> metadata) {
        this.files = new Memo<>(files);
        this.metadata = new Memo<>(metadata);
    }

    /** A cache of at most {@code maxProjects} projects (and as many releases), each kept for {@code ttl}; zero disables. */
    static ResultCache of(long maxProjects, Duration ttl) {
        if (maxProjects <= 0 || ttl.isZero() || ttl.isNegative()) {
            return new ResultCache(null, null);
        }
        return new ResultCache(bounded(maxProjects, ttl), bounded(maxProjects, ttl));
    }

    /** A cache that keeps every answer for its whole life: no bound, no expiry, no Caffeine. */
    static ResultCache forLife() {
        return new ResultCache(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private static <K, V> Map<K, V> bounded(long maxEntries, Duration ttl) {
        Cache<K, V> cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
        return cache.asMap();
    }

    CompletableFuture<ProjectFiles> files(ProjectName name, Supplier<CompletableFuture<ProjectFiles>> load) {
        return files.get(name, load);
    }

    CompletableFuture<Optional<ReleaseMetadata>> metadata(ProjectName name, String version,
            Supplier<CompletableFuture<Optional<ReleaseMetadata>>> load) {
        return metadata.get(new Release(name, version), load);
    }

    /** Completed answers (when enabled) and answers in flight, by key. */
    private static final class Memo<K, V> {
        /** Completed answers: a Caffeine cache's map, a plain map for {@link #forLife()}, or null when disabled. */
        private final Map<K, V> done;
        private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

        Memo(Map<K, V> done) {
            this.done = done;
        }

        CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> load) {
            if (done != null) {
                V cached = done.get(key);
                if (cached != null) {
                    return CompletableFuture.completedFuture(cached);
                }
            }
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
            if (existing != null) {
                return existing.copy();
            }
            CompletableFuture<V> loading;
            try {
                loading = load.get();
            } catch (RuntimeException e) {
                loading = CompletableFuture.failedFuture(e);
            }
            loading.whenComplete((value, error) -> {
                if (error == null && done != null) {
                    done.put(key, value);
                }
                inFlight.remove(key, mine);
                if (error == null) {
                    mine.complete(value);
                } else {
                    mine.completeExceptionally(Futures.unwrap(error));
                }
            });
            return mine.copy();
        }
    }
}
