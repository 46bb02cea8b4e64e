package io.github.wheelscout.pypi;

import io.github.wheelscout.index.MergedIndex;
import io.github.wheelscout.index.PackageIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Builds the index wheelscout asks, as pip's index options do:
 *
 * <pre>{@code
 * try (IndexClient index = IndexClients.builder()
 *         .indexUrl("https://pypi.org/simple")          // or .pypiJsonUrl(...), or a mirror folder
 *         .extraIndexUrl("https://user:token@private.example/simple")
 *         .build()) {
 *     ProjectFiles files = index.files(ProjectName.of("numpy"));
 * }
 * }</pre>
 *
 * Without an index option (and without {@code PIP_INDEX_URL} in the environment) it asks PyPI's JSON API at
 * {@value #DEFAULT_PYPI_JSON_URL}.
 */
public final class IndexClients {

    /** The PyPI JSON API root used when no index is given. */
    public static final String DEFAULT_PYPI_JSON_URL = "https://pypi.org/pypi";
    /** The most requests in flight at once, by default. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** The largest index page read, by default: far above any real page (numpy's JSON API is about 3 MB). */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** The on-disk HTTP cache's size limit, by default. */
    public static final long DEFAULT_DISK_CACHE_BYTES = 256L * 1024 * 1024;

    private IndexClients() {
    }

    /** A builder with pip's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** wheelscout's own version, for the {@code User-Agent}. */
    public static String version() {
        try (InputStream in = IndexClients.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures and builds an {@link IndexClient}. Every option has a default; {@link #build()} validates them. */
    public static final class Builder {
        private String pypiJsonUrl;
        private String indexUrl;
        private final List<String> extraIndexUrls = new ArrayList<>();
        private Map<String, String> environment;
        private Path cacheDir;
        private boolean noCache;
        private boolean offline;
        private long memoryCacheProjects = 10_000;
        private Duration memoryCacheTtl = Duration.ofMinutes(10);
        private boolean memoryCacheForLife;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(15);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final Set<String> trustedHosts = new LinkedHashSet<>();
        private Path netrc;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long diskCacheBytes = DEFAULT_DISK_CACHE_BYTES;
        private String userAgent;
        private OkHttpClient okHttpClient;

        private Builder() {
        }

        /** Use the PyPI JSON API at this root (e.g. {@code https://pypi.org/pypi}); excludes {@link #indexUrl}. */
        public Builder pypiJsonUrl(String url) {
            this.pypiJsonUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * pip's {@code --index-url}: a Simple API URL, a {@code file:} URL or a folder path of a mirror. Excludes
         * {@link #pypiJsonUrl}.
         */
        public Builder indexUrl(String urlOrFolder) {
            this.indexUrl = Objects.requireNonNull(urlOrFolder, "urlOrFolder");
            return this;
        }

        /** pip's {@code --extra-index-url}; may be given many times. Its files are merged with the others'. */
        public Builder extraIndexUrl(String urlOrFolder) {
            extraIndexUrls.add(Objects.requireNonNull(urlOrFolder, "urlOrFolder"));
            return this;
        }

        /**
         * The environment to read {@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL}, {@code PIP_TRUSTED_HOST},
         * proxies ({@code HTTPS_PROXY}, ...), {@code NETRC}, {@code XDG_CACHE_HOME} and {@code HOME} from; the
         * process environment by default. Tests pass a map.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The cache folder (the HTTP cache goes in its {@code http/}); default {@code $XDG_CACHE_HOME/wheelscout}, else {@code ~/.cache/wheelscout}. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** No on-disk HTTP cache (pip's {@code --no-cache-dir}). */
        public Builder noCache(boolean noCache) {
            this.noCache = noCache;
            return this;
        }

        /** Answer from the disk cache and mirror folders only; a page not cached is an error. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * The in-memory cache of parsed answers: at most {@code projects} projects, each kept {@code ttl}; 0
         * disables. The default, 10,000 projects for 10 minutes, suits a client that lives long.
         */
        public Builder memoryCache(long projects, Duration ttl) {
            this.memoryCacheProjects = projects;
            this.memoryCacheTtl = Objects.requireNonNull(ttl, "ttl");
            this.memoryCacheForLife = false;
            return this;
        }

        /**
         * Keeps every parsed answer in memory for the client's whole life, without a bound or an expiry: for a client
         * that serves one command and is closed (the CLI does this), which then sets up no Caffeine cache.
         */
        public Builder memoryCacheForLife() {
            this.memoryCacheForLife = true;
            return this;
        }

        /** The most requests in flight at once, in all and per host (default 64). */
        public Builder maxRequestsInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max requests in flight must be at least 1, not " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long a read may stall (default 15 s, pip's timeout). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long one attempt may take in all, body included (default 60 s). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Retries (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** pip's {@code --trusted-host}: {@code host} or {@code host:port} that may be reached over plain HTTP. */
        public Builder trustedHost(String host) {
            String h = Objects.requireNonNull(host, "host").trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                throw new IllegalArgumentException("a trusted host cannot be empty");
            }
            trustedHosts.add(h);
            return this;
        }

        /** The netrc file (default {@code $NETRC}, else {@code ~/.netrc}). */
        public Builder netrc(Path file) {
            this.netrc = file;
            return this;
        }

        /** The largest body read (default 64 MiB); a larger one is an error, not an out-of-memory. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** The on-disk HTTP cache's size limit (default 256 MiB). */
        public Builder diskCacheBytes(long bytes) {
            this.diskCacheBytes = bytes;
            return this;
        }

        /** The {@code User-Agent} (default {@code wheelscout/VERSION}). */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Use this client (its dispatcher, connection pool, proxy and timeouts are kept; wheelscout adds its
         * interceptors and, unless {@link #noCache}, its disk cache). Closing the {@link IndexClient} leaves it open.
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = client;
            return this;
        }

        /**
         * The index.
         *
         * @throws IllegalArgumentException for a bad option: an unparsable URL, a folder that does not exist,
         *                                  plain HTTP to an untrusted host, both a JSON API and a Simple index,
         *                                  an unreadable netrc (messages redact credentials)
         */
        public IndexClient build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            if (pypiJsonUrl != null && indexUrl != null) {
                throw new IllegalArgumentException("give either a PyPI JSON API URL or an index URL, not both");
            }
            Set<String> trusted = trustedHosts(env);
            List<String> extras = new ArrayList<>(split(env.get("PIP_EXTRA_INDEX_URL")));
            extras.addAll(extraIndexUrls);
            String primary = indexUrl;
            boolean primaryIsJson = false;
            if (pypiJsonUrl != null) {
                primary = pypiJsonUrl;
                primaryIsJson = true;
            } else if (primary == null) {
                String fromEnv = env.get("PIP_INDEX_URL");
                if (fromEnv != null && !fromEnv.isBlank()) {
                    primary = fromEnv.trim();
                } else {
                    primary = DEFAULT_PYPI_JSON_URL;
                    primaryIsJson = true;
                }
            }

            List<Location> locations = new ArrayList<>();
            locations.add(Location.parse(primary, primaryIsJson ? "the PyPI JSON API URL" : "the index URL", primaryIsJson));
            for (String extra : extras) {
                locations.add(Location.parse(extra, "the extra index URL", false));
            }

            Map<String, Credentials> urlCredentials = new HashMap<>();
            boolean anyHttp = false;
            for (Location l : locations) {
                if (l.url != null) {
                    anyHttp = true;
                    if (!IndexGuard.trusted(l.url, trusted)) {
                        throw new IllegalArgumentException(IndexGuard.insecureMessage(l.url).replace(Redaction.url(l.url), l.display));
                    }
                    if (l.credentials != null) {
                        urlCredentials.putIfAbsent(IndexGuard.hostPort(l.url), l.credentials);
                    }
                }
            }

            HttpTransport transport = null;
            PageCache pages = null;
            if (anyHttp) {
                IndexGuard guard = new IndexGuard(trusted, urlCredentials, readNetrc(env));
                // The OkHttp client is built when the first request is sent, from settings read now: a run whose
                // pages are all fresh in the page cache sends none, and setting OkHttp up was a tenth of it.
                Path cacheRoot = noCache ? null : cacheDirectory(env);
                Path httpCache = cacheRoot == null ? null : cacheRoot.resolve("http");
                long cacheBytes = diskCacheBytes;
                String agent = userAgent;
                OkHttpClient given = okHttpClient;
                Supplier<OkHttpClient.Builder> client = given == null ? clientSettings(env) : null;
                Supplier<OkHttpClient.Builder> configured = () -> {
                    OkHttpClient.Builder b = given == null ? client.get() : given.newBuilder();
                    b.addNetworkInterceptor(guard);
                    if (httpCache != null) {
                        b.cache(new Cache(httpCache.toFile(), cacheBytes));
                    } else if (given == null) {
                        b.cache(null);
                    }
                    String userAgent = agent != null ? agent : "wheelscout/" + version();
                    b.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()));
                    return b;
                };
                if (cacheRoot != null) {
                    pages = PageCache.in(cacheRoot.resolve("pages"));
                }
                transport = given == null ? HttpTransport.owning(configured, retryPolicy, maxBodyBytes, offline)
                        : HttpTransport.over(configured, retryPolicy, maxBodyBytes, offline);
            }

            List<PackageIndex> indexes = new ArrayList<>();
            for (Location l : locations) {
                if (l.folder != null) {
                    indexes.add(MirrorIndex.of(l.folder));
                } else if (l.json) {
                    indexes.add(new PypiJsonIndex(l.url, l.display, transport, resultCache(), pages));
                } else {
                    indexes.add(new SimpleIndex(l.url, l.display, transport, resultCache(), pages));
                }
            }
            return new IndexClient(MergedIndex.of(indexes), indexes, transport);
        }

        /**
         * A fetcher of remote requirements files with this builder's network settings (environment, trusted
         * hosts, netrc, proxies, timeouts, user agent), for a user who allowed them. It caches nothing.
         *
         * @throws IllegalArgumentException for an unreadable netrc
         */
        public RemoteFiles remoteFiles() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            OkHttpClient.Builder b = clientSettings(env).get().cache(null);
            b.addNetworkInterceptor(new IndexGuard(trustedHosts(env), Map.of(), readNetrc(env)));
            return new RemoteFiles(b.build(), userAgent != null ? userAgent : "wheelscout/" + version());
        }

        /** The trusted hosts given to this builder and those of {@code PIP_TRUSTED_HOST}, as pip joins them. */
        private Set<String> trustedHosts(Map<String, String> env) {
            Set<String> trusted = new LinkedHashSet<>(trustedHosts);
            for (String h : split(env.get("PIP_TRUSTED_HOST"))) {
                String host = h.trim().toLowerCase(Locale.ROOT);
                if (!host.isEmpty()) {
                    trusted.add(host);
                }
            }
            return trusted;
        }

        /**
         * A maker of OkHttp builders with this builder's settings as they are now (in-flight limit, timeouts, the
         * environment's proxies), which later changes to this builder do not reach.
         */
        private Supplier<OkHttpClient.Builder> clientSettings(Map<String, String> env) {
            EnvironmentProxySelector proxies = EnvironmentProxySelector.from(env);
            int inFlight = maxInFlight;
            Duration connect = connectTimeout;
            Duration read = readTimeout;
            Duration call = callTimeout;
            return () -> {
                Dispatcher dispatcher = new Dispatcher();
                dispatcher.setMaxRequests(inFlight);
                dispatcher.setMaxRequestsPerHost(inFlight);
                OkHttpClient.Builder b = new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectionPool(new ConnectionPool(inFlight, 5, TimeUnit.MINUTES))
                        .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
                        .connectTimeout(connect)
                        .readTimeout(read)
                        .writeTimeout(read)
                        .callTimeout(call);
                if (proxies.hasProxies()) {
                    b.proxySelector(proxies);
                    b.proxyAuthenticator((route, response) -> {
                        if (route == null || !(route.proxy().address() instanceof java.net.InetSocketAddress address)) {
                            return null;
                        }
                        if (response.request().header("Proxy-Authorization") != null && response.code() == 407
                                && !"OkHttp-Preemptive".equals(response.message())) {
                            return null; // already tried: the proxy refused these credentials
                        }
                        return proxies.proxyCredentials(address)
                                .map(c -> response.request().newBuilder().header("Proxy-Authorization", c.basicAuthorization()).build())
                                .orElse(null);
                    });
                }
                return b;
            };
        }

        private ResultCache resultCache() {
            return memoryCacheForLife ? ResultCache.forLife() : ResultCache.of(memoryCacheProjects, memoryCacheTtl);
        }

        private Netrc readNetrc(Map<String, String> env) {
            Path file = netrc;
            if (file == null) {
                String fromEnv = env.get("NETRC");
                file = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : home(env).resolve(".netrc");
            }
            try {
                return Netrc.read(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the netrc file: " + e.getMessage(), e);
            }
        }

        private Path cacheDirectory(Map<String, String> env) {
            if (cacheDir != null) {
                return cacheDir;
            }
            String xdg = env.get("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank()) {
                return Path.of(xdg, "wheelscout");
            }
            return home(env).resolve(".cache").resolve("wheelscout");
        }

        private static Path home(Map<String, String> env) {
            String home = env.get("HOME");
            return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        }

        /** pip reads list options from the environment split on whitespace. */
        private static List<String> split(String value) {
            List<String> out = new ArrayList<>();
            if (value != null) {
                for (String s : value.trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    /** Where an index is: an http(s) URL (credentials split off) or a folder. */
    private static final class Location {
        final HttpUrl url;
        final Credentials credentials;
        final Path folder;
        final boolean json;
        final String display;

        private Location(HttpUrl url, Credentials credentials, Path folder, boolean json, String display) {
            this.display = display;
            this.url = url;
            this.credentials = credentials;
            this.folder = folder;
            this.json = json;
        }

        static Location parse(String value, String what, boolean json) {
            String v = value.trim();
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                HttpUrl url = HttpUrl.parse(v);
                if (url == null) {
                    throw new IllegalArgumentException(what + " is not a valid URL: '" + Redaction.url(v) + "'");
                }
                Credentials credentials = null;
                if (!url.username().isEmpty() || !url.password().isEmpty()) {
                    credentials = new Credentials(url.username(), url.password());
                    url = url.newBuilder().username("").password("").build();
                }
                return new Location(url, credentials, null, json, Redaction.url(v));
            }
            if (lower.startsWith("file:")) {
                try {
                    return new Location(null, null, Path.of(URI.create(v)), json, v);
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    throw new IllegalArgumentException(what + " is not a valid file: URL: '" + v + "'");
                }
            }
            if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
                throw new IllegalArgumentException(what + " has an unsupported scheme (use https, http, file or a folder): '"
                        + Redaction.url(v) + "'");
            }
            try {
                return new Location(null, null, Path.of(v), json, v);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(what + " is neither a URL nor a folder: '" + v + "'");
            }
        }
    }
}
