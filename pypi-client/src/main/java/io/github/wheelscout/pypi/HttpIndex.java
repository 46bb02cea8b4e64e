package io.github.wheelscout.pypi;

import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * An index read over HTTP: its asynchronous forms are the real ones (requests in flight at once), and the
 * synchronous forms wait for them.
 */
abstract class HttpIndex implements PackageIndex {

    /** The root URL, credentials included (they are sent, never shown). */
    final HttpUrl base;
    final HttpTransport transport;
    final ResultCache cache;
    private final String display;

    /** {@code display} is the URL as given, redacted: it keeps the user name, as pip shows it. */
    HttpIndex(HttpUrl base, String display, HttpTransport transport, ResultCache cache) {
        this.base = base;
        this.display = display;
        this.transport = transport;
        this.cache = cache;
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
