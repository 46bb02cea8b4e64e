package io.github.wheelscout.pypi;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The in-memory cache of parsed answers (Caffeine): bounded, entries expire after a TTL, concurrent asks for
 * the same project share one request, and failures are not kept (the next ask tries again).
 */
final class ResultCache {

    private record Release(ProjectName name, String version) {
    }

    private final AsyncCache<ProjectName, ProjectFiles> files;
    private final AsyncCache<Release, Optional<ReleaseMetadata>> metadata;

    private ResultCache(AsyncCache<ProjectName, ProjectFiles> files, AsyncCache<Release, Optional<ReleaseMetadata>> metadata) {
        this.files = files;
        this.metadata = metadata;
    }

    /** A cache of at most {@code maxProjects} projects (and as many releases), each kept for {@code ttl}; zero disables. */
    static ResultCache of(long maxProjects, Duration ttl) {
        if (maxProjects <= 0 || ttl.isZero() || ttl.isNegative()) {
            return new ResultCache(null, null);
        }
        return new ResultCache(
                Caffeine.newBuilder().maximumSize(maxProjects).expireAfterWrite(ttl).buildAsync(),
                Caffeine.newBuilder().maximumSize(maxProjects).expireAfterWrite(ttl).buildAsync());
    }

    CompletableFuture<ProjectFiles> files(ProjectName name, Supplier<CompletableFuture<ProjectFiles>> load) {
        return files == null ? load.get() : files.get(name, (k, executor) -> load.get());
    }

    CompletableFuture<Optional<ReleaseMetadata>> metadata(ProjectName name, String version,
            Supplier<CompletableFuture<Optional<ReleaseMetadata>>> load) {
        return metadata == null ? load.get() : metadata.get(new Release(name, version), (k, executor) -> load.get());
    }
}
