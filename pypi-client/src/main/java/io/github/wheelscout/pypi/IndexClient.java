package io.github.wheelscout.pypi;

import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The index a {@link IndexClients.Builder} built: one index or several merged as pip merges them (see
 * {@link io.github.wheelscout.index.MergedIndex}), over one shared HTTP client. Thread-safe; share one per
 * process. {@link #close()} releases the HTTP client's threads, connections and disk cache when the builder
 * created that client (a client passed in is left to its owner).
 */
public final class IndexClient implements PackageIndex, Closeable {

    private final PackageIndex index;
    private final List<PackageIndex> indexes;
    private final HttpTransport transport;

    IndexClient(PackageIndex index, List<PackageIndex> indexes, HttpTransport transport) {
        this.index = index;
        this.indexes = List.copyOf(indexes);
        this.transport = transport;
    }

    /** The indexes asked, in order: the primary one first, then the extra ones. */
    public List<PackageIndex> indexes() {
        return indexes;
    }

    @Override
    public ProjectFiles files(ProjectName name) throws IOException {
        return index.files(name);
    }

    @Override
    public Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
        return index.metadata(name, version);
    }

    @Override
    public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        return index.filesAsync(name);
    }

    @Override
    public CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
        return index.metadataAsync(name, version);
    }

    /** The indexes, credentials redacted, joined with {@code +}. */
    @Override
    public String describe() {
        return index.describe();
    }

    @Override
    public String toString() {
        return "IndexClient[" + describe() + "]";
    }

    /** Whether TLS has been set up for this client (for tests: only an https URL needs it). */
    boolean tlsReady() {
        return transport == null || transport.tlsReady();
    }

    /** Whether an OkHttp client has been built (for tests: a run answered from the page cache needs none). */
    boolean clientBuilt() {
        return transport != null && transport.clientBuilt();
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
    }
}
