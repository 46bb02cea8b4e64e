package io.github.wheelscout.cli;

import io.github.wheelscout.pypi.IndexClient;
import io.github.wheelscout.requirement.GlobalOption;
import io.github.wheelscout.pypi.IndexClients;
import io.github.wheelscout.pypi.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The index options every command that asks an index shares ({@code files}, {@code check}, {@code gate},
 * {@code advise}): add it with {@code @Mixin IndexOptions index;} and call {@link #build()}. They behave as
 * pip's: {@code --index-url} replaces the default index, {@code --extra-index-url} adds indexes whose files are
 * merged, {@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL} and {@code PIP_TRUSTED_HOST} are read from the
 * environment.
 */
public final class IndexOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--pypi-json-url", paramLabel = "URL",
            description = "Ask a PyPI JSON API at this root (default when no index is given: "
                    + IndexClients.DEFAULT_PYPI_JSON_URL + ").")
    String pypiJsonUrl;

    @Option(names = {"-i", "--index-url"}, paramLabel = "URL_OR_FOLDER",
            description = "Ask this Simple API index (PEP 503/691) instead, or a mirror folder / file: URL "
                    + "(bandersnatch layout). Default: $PIP_INDEX_URL.")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL_OR_FOLDER",
            description = "Also ask this index; files of all indexes are merged, as pip does (after those of "
                    + "$PIP_EXTRA_INDEX_URL). Repeatable.")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = "--trusted-host", paramLabel = "HOST[:PORT]",
            description = "Allow plain HTTP to this host (localhost and 127.0.0.0/8 are always allowed). Repeatable.")
    List<String> trustedHosts = new ArrayList<>();

    @Option(names = "--offline", description = "Answer from the disk cache and mirror folders only.")
    boolean offline;

    @Option(names = "--no-cache", description = "Use no disk cache (neither the parsed pages nor the HTTP cache).")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "The cache folder (default $XDG_CACHE_HOME/wheelscout, else ~/.cache/wheelscout).")
    Path cacheDir;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "64",
            description = "The most index requests in flight at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long a connection or read may stall (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries after a transient failure (default: ${DEFAULT-VALUE}).")
    int retries;

    /** The environment of this run (the process's, or the one a test gave {@link Main#run}). */
    public Map<String, String> environment() {
        return Main.environmentOf(mixee);
    }

    /**
     * The index these options describe.
     *
     * @throws IllegalArgumentException for a bad option (the message says which; credentials redacted)
     */
    public IndexClient build() {
        return build(List.of(), null);
    }

    /**
     * The index these options describe after the index options written in requirements files, applied in order
     * as pip applies them: {@code --index-url} replaces every index so far (extra ones included),
     * {@code --extra-index-url} adds one, {@code --trusted-host} trusts a host. {@code --no-index} and
     * {@code --find-links} cannot be followed (wheelscout reads indexes, not local wheel folders): each is
     * reported on {@code warnings} and ignored.
     *
     * @throws IllegalArgumentException for a bad option
     */
    public IndexClient build(List<GlobalOption> fileOptions, java.io.PrintWriter warnings) {
        String fileIndex = null;
        List<String> fileExtras = new ArrayList<>();
        List<String> fileTrusted = new ArrayList<>();
        for (GlobalOption option : fileOptions) {
            switch (option.name()) {
                case "--index-url" -> {
                    fileIndex = option.value();
                    fileExtras.clear();
                }
                case "--extra-index-url" -> fileExtras.add(option.value());
                case "--trusted-host" -> fileTrusted.add(option.value());
                case "--no-index", "--find-links" -> {
                    if (warnings != null) {
                        warnings.println("wheelscout: warning: " + option.origin() + ": " + option.name()
                                + " is ignored: wheelscout asks indexes and cannot see local wheel folders");
                    }
                }
                default -> {
                    // Options that are not about indexes.
                }
            }
        }
        Map<String, String> env = environment();
        String primary = indexUrl;
        String jsonRoot = pypiJsonUrl;
        List<String> extras = new ArrayList<>(extraIndexUrls);
        if (fileIndex != null) {
            // pip: a file's --index-url replaces the command line's indexes and the environment's.
            primary = fileIndex;
            jsonRoot = null;
            extras.clear();
            env = new java.util.HashMap<>(env);
            env.remove("PIP_INDEX_URL");
            env.remove("PIP_EXTRA_INDEX_URL");
        }
        extras.addAll(fileExtras);
        List<String> trusted = new ArrayList<>(trustedHosts);
        trusted.addAll(fileTrusted);
        return build(primary, jsonRoot, extras, trusted, env);
    }

    /**
     * A fetcher of remote requirements files under these options' network settings (trusted hosts, timeouts,
     * the environment's proxies and netrc), for {@code --allow-remote-requirements}.
     */
    public io.github.wheelscout.pypi.RemoteFiles remoteFiles() {
        return builder(indexUrl, pypiJsonUrl, extraIndexUrls, trustedHosts, environment()).remoteFiles();
    }

    private IndexClient build(String indexUrl, String pypiJsonUrl, List<String> extraIndexUrls,
            List<String> trustedHosts, Map<String, String> environment) {
        return builder(indexUrl, pypiJsonUrl, extraIndexUrls, trustedHosts, environment).build();
    }

    private IndexClients.Builder builder(String indexUrl, String pypiJsonUrl, List<String> extraIndexUrls,
            List<String> trustedHosts, Map<String, String> environment) {
        if (pypiJsonUrl != null && indexUrl != null) {
            throw new IllegalArgumentException("--pypi-json-url and --index-url cannot be used together");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must be 0 or more, not " + retries);
        }
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds");
        }
        Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
        IndexClients.Builder b = IndexClients.builder()
                .environment(environment)
                .offline(offline)
                .noCache(noCache)
                .memoryCacheForLife() // one command per client: bounds and expiry buy nothing
                .maxRequestsInFlight(maxInFlight)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryPolicy(new RetryPolicy(retries + 1, RetryPolicy.DEFAULT.initialBackoff(),
                        RetryPolicy.DEFAULT.maxBackoff(), RetryPolicy.DEFAULT.maxRetryAfter()));
        if (pypiJsonUrl != null) {
            b.pypiJsonUrl(pypiJsonUrl);
        }
        if (indexUrl != null) {
            b.indexUrl(indexUrl);
        }
        extraIndexUrls.forEach(b::extraIndexUrl);
        trustedHosts.forEach(b::trustedHost);
        if (cacheDir != null) {
            b.cacheDir(cacheDir);
        }
        return b;
    }
}
