package io.github.wheelscout.index;

import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A source of project files: PyPI, a private Simple API index, a mirror folder, or several merged. Clients
 * live in {@code wheelscout-pypi-client}; tests implement it in memory.
 *
 * <p>Implementations are thread-safe. The asynchronous forms let a caller have many projects in flight at
 * once; their default implementations run the synchronous ones on the calling thread, which suits
 * in-memory and local implementations.
 */
public interface PackageIndex {

    /**
     * Every file the index lists for {@code name}, or {@link ProjectFiles#notFound} when it has no such
     * project.
     *
     * @throws IOException when the index cannot be reached or answers something unreadable
     */
    ProjectFiles files(ProjectName name) throws IOException;

    /**
     * The core metadata of one release, or empty when the index cannot say (no such release, or an index
     * that does not serve metadata).
     *
     * @throws IOException when the index cannot be reached or answers something unreadable
     */
    Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException;

    /** {@link #files} without blocking the caller; the future fails with the {@link IOException}. */
    default CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        try {
            return CompletableFuture.completedFuture(files(name));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #metadata} without blocking the caller; the future fails with the {@link IOException}. */
    default CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
        try {
            return CompletableFuture.completedFuture(metadata(name, version));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What this index is, for messages: its URL with credentials redacted, or its folder. */
    String describe();
}
