package io.github.wheelscout.pypi;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
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

    /**
     * {@code display} is the URL as given, redacted: it keeps the user name, as pip shows it. {@code pages} keeps
     * parsed pages; null for none.
     */
    SimpleIndex(HttpUrl index, String display, HttpTransport transport, ResultCache cache, PageCache pages) {
        super(index, display, transport, cache, pages);
    }

    @Override
    public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        return cache.files(name, () -> {
            // pip: index URL + canonical name + "/"
            HttpUrl url = base.newBuilder().addPathSegment(name.value()).addPathSegment("").build();
            return pageFiles(name, url, SimpleApiParser.ACCEPT, (finalUrl, contentType, body) -> {
                String page = Redaction.url(finalUrl);
                String format = SimpleApiParser.formatOf(contentType);
                if ("json".equals(format)) {
                    return SimpleApiParser.json(body, name, finalUrl.toString(), page);
                } else if ("html".equals(format)) {
                    return SimpleApiParser.html(body, name, finalUrl.toString(), page);
                }
                throw new MalformedResponseException(page + ": unexpected Content-Type '" + contentType
                        + "' (expected a Simple API page: " + SimpleApiParser.JSON_TYPE + " or text/html)");
            });
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
