package io.github.wheelscout.index;

import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Several indexes seen as one, as pip sees {@code --index-url} with {@code --extra-index-url}s: a project's
 * files are the files of every index that knows it, concatenated in the order the indexes were given (pip
 * does not prefer one index over another: every file is a candidate and the best version wins wherever it
 * comes from); the project is found when any index finds it.
 *
 * <p>Errors differ from pip on purpose. pip logs a failing index and carries on with the others, which can
 * silently pick an older version or a source build from the index that did answer. Here an error from any
 * index makes the whole answer an error: an {@link IOException} that names the failing index, with the
 * failures of the other indexes, if any, attached as suppressed exceptions. A partial file list is never
 * returned as if it were complete.
 *
 * <p>All indexes are asked at once through their asynchronous forms.
 */
public final class MergedIndex implements PackageIndex {

    private final List<PackageIndex> indexes;

    private MergedIndex(List<PackageIndex> indexes) {
        this.indexes = indexes;
    }

    /**
     * The indexes merged, in order (the first is pip's {@code --index-url}); a single index is returned as
     * it is.
     *
     * @throws IllegalArgumentException when {@code indexes} is empty
     */
    public static PackageIndex of(List<? extends PackageIndex> indexes) {
        Objects.requireNonNull(indexes, "indexes");
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("at least one index is needed");
        }
        if (indexes.size() == 1) {
            return indexes.get(0);
        }
        return new MergedIndex(List.copyOf(indexes));
    }

    /** The merged indexes, in order. */
    public List<PackageIndex> indexes() {
        return indexes;
    }

    @Override
    public ProjectFiles files(ProjectName name) throws IOException {
        return join(filesAsync(name));
    }

    @Override
    public Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
        return join(metadataAsync(name, version));
    }

    @Override
    public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        List<CompletableFuture<ProjectFiles>> answers = new ArrayList<>(indexes.size());
        for (PackageIndex index : indexes) {
            answers.add(start(() -> index.filesAsync(name)));
        }
        return allOrError(answers).thenApply(results -> {
            List<IndexFile> files = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (ProjectFiles result : results) {
                if (result.found()) {
                    files.addAll(result.files());
                    sources.add(result.source());
                }
            }
            if (sources.isEmpty()) {
                return ProjectFiles.notFound(name, describe());
            }
            return new ProjectFiles(name, true, files, String.join(" + ", sources));
        });
    }

    /**
     * The metadata from the first index, in order, that has it. Every index is asked, so that an error in
     * any of them is reported rather than hidden behind another's answer.
     */
    @Override
    public CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
        List<CompletableFuture<Optional<ReleaseMetadata>>> answers = new ArrayList<>(indexes.size());
        for (PackageIndex index : indexes) {
            answers.add(start(() -> index.metadataAsync(name, version)));
        }
        return allOrError(answers).thenApply(results -> results.stream()
                .flatMap(Optional::stream)
                .findFirst());
    }

    /** The described indexes joined with {@code +}, e.g. {@code https://pypi.org/simple + /srv/mirror}. */
    @Override
    public String describe() {
        return indexes.stream().map(PackageIndex::describe).collect(Collectors.joining(" + "));
    }

    @Override
    public String toString() {
        return "MergedIndex[" + describe() + "]";
    }

    /** Runs {@code call}, turning an exception it throws instead of returning a future into a failed one. */
    private static <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> call) {
        try {
            return Objects.requireNonNull(call.get(), "an index returned a null future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for every answer; fails when any failed, with the first failure (in index order) as the error
     * and the others suppressed on it.
     */
    private <T> CompletableFuture<List<T>> allOrError(List<CompletableFuture<T>> answers) {
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .handle((ignored, ignoredError) -> {
                    List<T> results = new ArrayList<>(answers.size());
                    Throwable first = null;
                    for (int i = 0; i < answers.size(); i++) {
                        try {
                            results.add(answers.get(i).join());
                        } catch (CompletionException | java.util.concurrent.CancellationException e) {
                            Throwable cause = unwrap(e);
                            Throwable named = nameIndex(indexes.get(i), cause);
                            if (first == null) {
                                first = named;
                            } else {
                                first.addSuppressed(named);
                            }
                        }
                    }
                    if (first != null) {
                        throw new CompletionException(first);
                    }
                    return results;
                });
    }

    /** An IOException that says which index failed (unless the message already does), keeping the cause. */
    private static Throwable nameIndex(PackageIndex index, Throwable cause) {
        if (!(cause instanceof IOException)) {
            return cause; // a bug or a cancellation: pass it on unchanged
        }
        String described = index.describe();
        String message = String.valueOf(cause.getMessage());
        if (message.contains(described)) {
            return cause;
        }
        return new IOException(described + ": " + message, cause);
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
