package io.github.wheelscout.pypi;

import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * The PyPI JSON API: {@code GET {root}/{name}/json} for a project's files (every release's), and
 * {@code GET {root}/{name}/{version}/json} for one release's {@code requires_dist} and
 * {@code requires_python}. Built by {@link IndexClients}.
 */
public final class PypiJsonIndex extends HttpIndex {

    /**
     * {@code display} is the URL as given, redacted: it keeps the user name, as pip shows it. {@code pages} keeps
     * parsed project documents; null for none.
     */
    PypiJsonIndex(HttpUrl root, String display, HttpTransport transport, ResultCache cache, PageCache pages) {
        super(root, display, transport, cache, pages);
    }

    @Override
    public CompletableFuture<ProjectFiles> filesAsync(ProjectName name) {
        return cache.files(name, () -> {
            HttpUrl url = base.newBuilder().addPathSegment(name.value()).addPathSegment("json").build();
            return pageFiles(name, url, "application/json", (finalUrl, contentType, body) -> {
                requireJson(contentType, Redaction.url(finalUrl));
                return JsonApiParser.projectFiles(body, name, Redaction.url(finalUrl));
            });
        });
    }

    @Override
    public CompletableFuture<Optional<ReleaseMetadata>> metadataAsync(ProjectName name, String version) {
        return cache.metadata(name, version, () -> {
            HttpUrl url = base.newBuilder().addPathSegment(name.value()).addPathSegment(version).addPathSegment("json").build();
            return transport.get(url, "application/json", (finalUrl, contentType, body) -> {
                requireJson(contentType, Redaction.url(finalUrl));
                return JsonApiParser.releaseMetadata(body, name, version, Redaction.url(finalUrl));
            });
        });
    }

    /** A login page or a Simple index answering for the JSON API is an error, not an empty project. */
    static void requireJson(String contentType, String source) throws MalformedResponseException {
        if (contentType == null) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/html") || type.equals("application/xhtml+xml") || type.contains("+html")) {
            throw new MalformedResponseException(source + ": expected JSON, got Content-Type '" + contentType
                    + "' (is this a PyPI JSON API root? a Simple index needs --index-url)");
        }
    }
}
