package io.github.wheelscout.pypi;

import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * An index read over HTTP: its asynchronous forms are the real ones (requests in flight at once), and the
 * synchronous forms wait for them. A project's page is kept parsed in the {@link PageCache} when there is a disk
 * cache.
 */
abstract class HttpIndex implements PackageIndex {

    /** The root URL, credentials included (they are sent, never shown). */
    final HttpUrl base;
    final HttpTransport transport;
    final ResultCache cache;
    private final String display;
    /** Parsed pages on disk, or null (no disk cache). */
    private final PageCache pages;

    /**
     * {@code display} is the URL as given, redacted: it keeps the user name, as pip shows it. {@code pages} keeps
     * parsed pages; null for none.
     */
    HttpIndex(HttpUrl base, String display, HttpTransport transport, ResultCache cache, PageCache pages) {
        this.base = base;
        this.display = display;
        this.transport = transport;
        this.cache = cache;
        this.pages = pages;
    }

    /**
     * The files of {@code name}'s page at {@code url}, GET with {@code accept} and read by {@code read}. With a
     * page cache: from its entry while fresh (or offline, however old); else asked for past OkHttp's cache,
     * conditionally when there is an entry, a 304 letting the entry answer; what is read is kept for the next run.
     * Not found on a 404.
     */
    final CompletableFuture<ProjectFiles> pageFiles(ProjectName name, HttpUrl url, String accept,
            HttpTransport.BodyReader<List<IndexFile>> read) {
        String source = Redaction.url(url);
        if (pages == null) {
            return transport.fetch(url, accept, read).thenApply(found -> found
                    .map(page -> new ProjectFiles(name, true, page.value(), source))
                    .orElseGet(() -> ProjectFiles.notFound(name, source)));
        }
        PageCodec.Entry entry = pages.entry(url);
        if (entry != null && (transport.offline() || entry.freshAt(System.currentTimeMillis()))) {
            return CompletableFuture.completedFuture(new ProjectFiles(name, true, entry.files(), source));
        }
        return transport.fetchUncached(url, accept, entry == null ? null : entry.etag(),
                entry == null ? null : entry.lastModified(), read).thenApply(found -> {
                    if (found.isEmpty()) {
                        return ProjectFiles.notFound(name, source);
                    }
                    HttpTransport.Fetched<List<IndexFile>> page = found.get();
                    boolean fresh = page.freshUntilMillis() > System.currentTimeMillis();
                    if (page.notModified()) {
                        // the entry is still the page; written again only to record a new freshness
                        if (fresh) {
                            pages.put(url, entry.files(), page.freshUntilMillis(), entry.etag(), entry.lastModified());
                        }
                        return new ProjectFiles(name, true, entry.files(), source);
                    }
                    if (page.storable()) {
                        pages.put(url, page.value(), page.freshUntilMillis(), page.etag(), page.lastModified());
                    }
                    return new ProjectFiles(name, true, page.value(), source);
                });
    }

    @Override
    public final ProjectFiles files(ProjectName name) throws IOException {
        return Futures.join(filesAsync(name));
    }

    @Override
    public final Optional<ReleaseMetadata> metadata(ProjectName name, String version) throws IOException {
        return Futures.join(metadataAsync(name, version));
    }

    /** The URL, credentials redacted. */
    @Override
    public final String describe() {
        return display;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describe() + "]";
    }
}
