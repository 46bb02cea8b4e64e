package io.github.wheelscout.pypi;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * A Simple API index (PEP 503 / PEP 691), as pip uses it: {@code GET {index}/{canonical name}/} with content
 * negotiation ({@link SimpleApiParser#ACCEPT}), redirects followed, relative file URLs resolved against the
 * final page URL. A release's metadata comes from PEP 658: {@code GET {file_url}.metadata} for a file the
 * page marks as having core metadata (a wheel first); empty when no file of the release has it.
 */
public final class SimpleIndex extends HttpIndex {

    /** Parsed pages on disk, or null (no disk cache). */
    private final PageCache pages;

    /**
     * {@code display} is the URL as given, redacted: it keeps the user name, as pip shows it. {@code pages} keeps
     * parsed pages while they are fresh; null for none.
     */
    SimpleIndex(HttpUrl index, String display, HttpTransport transport, ResultCache cache, PageCache pages) {
        super(index, display, transport, cache);
        this.pages = pages;
    }

    @Override
    public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        return cache.files(name, () -> {
            // pip: index URL + canonical name + "/"
            HttpUrl url = base.newBuilder().addPathSegment(name.value()).addPathSegment("").build();
            String source = Redaction.url(url);
            List<IndexFile> kept = pages == null ? null : pages.fresh(url, System.currentTimeMillis());
            if (kept != null) {
                return CompletableFuture.completedFuture(new ProjectFiles(name, true, kept, source));
            }
            return fetch(name, url, source);
        });
    }

    /**
     * GETs the page at {@code url} and parses it, or, when the server has just confirmed the HTTP cache's copy
     * (a 304), takes the page cache's entry read from that copy; then keeps the result for the next run.
     */
    private CompletableFuture<ProjectFiles> fetch(ProjectName name, HttpUrl url, String source) {
        boolean[] fromEntry = {false};
        return transport.fetch(url, SimpleApiParser.ACCEPT, (received, body) -> {
            // the entry's links were resolved against this URL: a page reached by a redirect is parsed
            if (pages != null && received.cachedEtag() != null && received.finalUrl().equals(url)) {
                List<IndexFile> kept = pages.validated(url, received.cachedEtag());
                if (kept != null) {
                    fromEntry[0] = true;
                    return new ProjectFiles(name, true, kept, source);
                }
            }
            HttpUrl finalUrl = received.finalUrl();
            String page = Redaction.url(finalUrl);
            String format = SimpleApiParser.formatOf(received.contentType());
            List<IndexFile> files;
            if ("json".equals(format)) {
                files = SimpleApiParser.json(body, name, finalUrl.toString(), page);
            } else if ("html".equals(format)) {
                files = SimpleApiParser.html(body, name, finalUrl.toString(), page);
            } else {
                throw new MalformedResponseException(page + ": unexpected Content-Type '" + received.contentType()
                        + "' (expected a Simple API page: " + SimpleApiParser.JSON_TYPE + " or text/html)");
            }
            return new ProjectFiles(name, true, files, source);
        }).thenApply(found -> {
            if (found.isEmpty()) {
                return ProjectFiles.notFound(name, source);
            }
            HttpTransport.Fetched<ProjectFiles> page = found.get();
            boolean fresh = page.freshUntilMillis() > System.currentTimeMillis();
            // an entry that answered is written again only to record its new freshness
            if (pages != null && (fresh || (page.etag() != null && !fromEntry[0]))) {
                pages.put(url, page.value().files(), page.freshUntilMillis(), page.etag());
            }
            return page.value();
        });
    }

    @Override
    public CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
        return cache.metadata(name, version, () -> filesAsync(name).thenCompose(files -> {
            Optional<IndexFile> withMetadata = metadataFile(files, version);
            if (withMetadata.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            HttpUrl fileUrl = HttpUrl.parse(withMetadata.get().url());
            if (fileUrl == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            HttpUrl url = fileUrl.newBuilder().fragment(null)
                    .encodedPath(fileUrl.encodedPath() + ".metadata").build();
            return transport.get(url, "*/*", (finalUrl, contentType, body) -> CoreMetadataParser.parse(
                    body.readAllBytes(), name, version, Redaction.url(finalUrl)));
        }));
    }

    /** The file whose PEP 658 metadata stands for the release: a wheel if one has it, else any file that has it. */
    static Optional<IndexFile> metadataFile(ProjectFiles files, String version) {
        IndexFile best = null;
        for (IndexFile f : files.files()) {
            if (f.coreMetadata() && version.equals(f.version()) && f.kind() != FileKind.OTHER) {
                if (f.kind() == FileKind.WHEEL) {
                    return Optional.of(f);
                }
                if (best == null) {
                    best = f;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
