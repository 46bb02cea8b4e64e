package io.github.wheelscout.pypi;

import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;

/**
 * An index read over HTTP: its asynchronous forms are the real ones (requests in flight at once), and the
 * synchronous forms wait for them. A project's page is kept parsed in the {@link PageCache} when there is a disk
 * cache.
 */
abstract class HttpIndex implements PackageIndex {

    /** Reads a project's files out of a page's body; throws {@link MalformedResponseException} when it can't. */
    @FunctionalInterface
    interface FilesReader {
        List<IndexFile> read(HttpUrl finalUrl, String contentType, InputStream body) throws IOException;
    }

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
     * The files of {@code name}'s page at {@code url}: from the page cache while its entry is fresh; else GET with
     * {@code accept} and read by {@code reader}, or, when the server has just confirmed the HTTP cache's copy (a
     * 304), taken from the entry read from that copy; then kept for the next run. Not found on a 404.
     */
    final CompletableFuture<ProjectFiles> pageFiles(ProjectName name, HttpUrl url, String accept, FilesReader reader) {
        String source = Redaction.url(url);
        List<IndexFile> kept = pages == null ? null : pages.fresh(url, System.currentTimeMillis());
        if (kept != null) {
            return CompletableFuture.completedFuture(new ProjectFiles(name, true, kept, source));
        }
        AtomicBoolean fromEntry = new AtomicBoolean();
        return transport.fetch(url, accept, (received, body) -> {
            // the entry's links were resolved against this URL: a page reached by a redirect is read again
            if (pages != null && received.cachedEtag() != null && received.finalUrl().equals(url)) {
                List<IndexFile> confirmed = pages.validated(url, received.cachedEtag());
                if (confirmed != null) {
                    fromEntry.set(true);
                    return new ProjectFiles(name, true, confirmed, source);
                }
            }
            return new ProjectFiles(name, true, reader.read(received.finalUrl(), received.contentType(), body), source);
        }).thenApply(found -> {
            if (found.isEmpty()) {
                return ProjectFiles.notFound(name, source);
            }
            HttpTransport.Fetched<ProjectFiles> page = found.get();
            boolean fresh = page.freshUntilMillis() > System.currentTimeMillis();
            // an entry that answered is written again only to record its new freshness
            if (pages != null && (fresh || (page.etag() != null && !fromEntry.get()))) {
                pages.put(url, page.value().files(), page.freshUntilMillis(), page.etag());
            }
            return page.value();
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
