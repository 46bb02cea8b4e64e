package io.github.wheelscout.pypi;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.CacheControl;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GETs index documents asynchronously over one shared {@link OkHttpClient} ({@code enqueue}, no thread per
 * request), with bounded retries, bounded body reading and the offline switch. A 404 is "not found" (an empty
 * optional), never retried; other 4xx are errors; 429 and 500/502/503/504 and transport failures are retried
 * per the {@link RetryPolicy}. Every message names the URL with credentials redacted.
 *
 * <p>Project pages, which the {@link PageCache} keeps, are fetched past OkHttp's cache ({@link #fetchUncached}),
 * conditionally when there is a kept copy; every other document goes through it. The OkHttp client is built when
 * the first request is sent: a run answered from the {@link PageCache} sends none. A client the transport owns is built without TLS, and the TLS client beside it only when an https URL is
 * met: setting TLS up (the trust store's certificates) costs a short run about a tenth of a second of CPU, and a
 * mirror on plain HTTP never needs it. The plain client does not follow a redirect to https; the transport
 * sends that request again on the TLS client, which shares the plain one's dispatcher, connections and cache.
 */
final class HttpTransport implements Closeable {

    /** Reads a successful response's body into a value; throws {@link MalformedResponseException} when it can't. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(HttpUrl finalUrl, String contentType, InputStream body) throws IOException;
    }

    /**
     * What a GET gave: the value read from the response, or, for a conditional GET the server answered with 304,
     * {@code notModified} and no value; whether the response may be kept ({@link #storable}); until when (epoch
     * milliseconds) it may then be used without asking ({@link #freshUntil}; {@link #NOT_FRESH} when never); and
     * its validators, {@code ETag} and {@code Last-Modified}, each null when absent.
     */
    record Fetched<T>(T value, boolean notModified, boolean storable, long freshUntilMillis, String etag,
            String lastModified) {
    }

    /** {@link Fetched#freshUntilMillis} of a response the HTTP cache would not serve without asking. */
    static final long NOT_FRESH = Long.MIN_VALUE;

    /** The {@code Vary} fields that cannot vary between this client's requests for one URL. */
    private static final Set<String> SAME_IN_EVERY_REQUEST = Set.of("accept", "accept-encoding");

    /** OkHttp's default connection specs: TLS for https, cleartext for http. */
    private static final List<ConnectionSpec> TLS_AND_CLEARTEXT = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

    /** The client, built when the first request is sent. */
    private final Lazy<OkHttpClient> client;
    /** When {@link #lazyTls}, its TLS twin, built on the first https URL. */
    private final Lazy<OkHttpClient> tlsClient;
    /** Both without OkHttp's cache, for the pages the page cache keeps. */
    private final Lazy<OkHttpClient> uncachedClient;
    private final Lazy<OkHttpClient> uncachedTlsClient;
    private final RetryPolicy retry;
    private final long maxBodyBytes;
    private final boolean offline;
    private final boolean ownsClient;
    /** Whether {@link #client} is cleartext only, with {@link #tlsClient} beside it. */
    private final boolean lazyTls;

    private HttpTransport(Supplier<OkHttpClient> makeClient, RetryPolicy retry, long maxBodyBytes, boolean offline,
            boolean ownsClient, boolean lazyTls) {
        this.client = new Lazy<>(makeClient);
        this.tlsClient = new Lazy<>(() -> client.get().newBuilder().connectionSpecs(TLS_AND_CLEARTEXT).followSslRedirects(true).build());
        // the same dispatcher and connections as the cached ones
        this.uncachedClient = new Lazy<>(() -> client.get().newBuilder().cache(null).build());
        this.uncachedTlsClient = new Lazy<>(() -> tlsClient.get().newBuilder().cache(null).build());
        this.retry = retry;
        this.maxBodyBytes = maxBodyBytes;
        this.offline = offline;
        this.ownsClient = ownsClient;
        this.lazyTls = lazyTls;
    }

    /** A value made by {@code make} on first use, once (the same value for every thread). */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }

        /** The value when it has been made, else null. */
        T ifMade() {
            return value;
        }
    }

    /**
     * A transport over the client {@code builder} gives, made from a caller's client (its TLS set-up is the
     * caller's); closing the transport leaves the caller's client to the caller.
     */
    static HttpTransport over(Supplier<OkHttpClient.Builder> builder, RetryPolicy retry, long maxBodyBytes, boolean offline) {
        return new HttpTransport(() -> builder.get().build(), retry, maxBodyBytes, offline, false, false);
    }

    /**
     * A transport that owns the client {@code builder} configures: plain HTTP on it, TLS on a copy of it built
     * when the first https URL is met.
     */
    static HttpTransport owning(Supplier<OkHttpClient.Builder> builder, RetryPolicy retry, long maxBodyBytes, boolean offline) {
        return new HttpTransport(() -> builder.get().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false).build(),
                retry, maxBodyBytes, offline, true, true);
    }

    /** Whether TLS has been set up (for tests: a plain-HTTP index never needs it). */
    boolean tlsReady() {
        return !lazyTls || tlsClient.ifMade() != null;
    }

    /** Whether an OkHttp client has been built (for tests: a run answered from the page cache builds none). */
    boolean clientBuilt() {
        return client.ifMade() != null;
    }

    /** The client that can fetch {@code url}, with OkHttp's cache when {@code cached}. */
    private OkHttpClient clientFor(HttpUrl url, boolean cached) {
        boolean tls = lazyTls && url.isHttps();
        OkHttpClient withCache = (tls ? tlsClient : client).get();
        if (cached || withCache.cache() == null) {
            return withCache;
        }
        return (tls ? uncachedTlsClient : uncachedClient).get();
    }

    boolean offline() {
        return offline;
    }

    /** GETs {@code url} with {@code accept}, through OkHttp's cache; empty when the server says 404. */
    <T> CompletableFuture<Optional<T>> get(HttpUrl url, String accept, BodyReader<T> reader) {
        return fetch(url, accept, reader).thenApply(found -> found.map(Fetched::value));
    }

    /** As {@link #get}, with what the response says of keeping it. */
    <T> CompletableFuture<Optional<Fetched<T>>> fetch(HttpUrl url, String accept, BodyReader<T> reader) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", accept);
        if (offline) {
            request.cacheControl(CacheControl.FORCE_CACHE);
        }
        CompletableFuture<Optional<Fetched<T>>> result = new CompletableFuture<>();
        attempt(request.build(), reader, result, 1);
        return result;
    }

    /**
     * GETs {@code url} past OkHttp's cache (the caller keeps the answer itself), conditionally when it gives a
     * validator of the copy it has: {@code If-None-Match: etag}, else {@code If-Modified-Since: lastModified}. A
     * 304 then gives {@link Fetched#notModified()}. Offline, this is {@link #fetch} (only OkHttp's cache can answer).
     */
    <T> CompletableFuture<Optional<Fetched<T>>> fetchUncached(HttpUrl url, String accept, String etag,
            String lastModified, BodyReader<T> reader) {
        if (offline) {
            return fetch(url, accept, reader);
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", accept);
        if (etag != null) {
            request.header("If-None-Match", etag);
        } else if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        request.tag(Uncached.class, Uncached.INSTANCE);
        CompletableFuture<Optional<Fetched<T>>> result = new CompletableFuture<>();
        attempt(request.build(), reader, result, 1);
        return result;
    }

    /** Marks a request sent past OkHttp's cache. */
    private enum Uncached { INSTANCE }

    private <T> void attempt(Request request, BodyReader<T> reader, CompletableFuture<Optional<Fetched<T>>> result, int attempt) {
        clientFor(request.url(), request.tag(Uncached.class) == null).newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failed(request, reader, result, attempt, e, null);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    handle(request, response, reader, result, attempt);
                } catch (IOException e) {
                    failed(request, reader, result, attempt, e, null);
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        });
    }

    private <T> void handle(Request request, Response response, BodyReader<T> reader,
            CompletableFuture<Optional<Fetched<T>>> result, int attempt) throws IOException {
        HttpUrl url = response.request().url();
        int code = response.code();
        HttpUrl toTls = lazyTls ? redirectToHttps(response) : null;
        if (toTls != null) {
            // the plain client stops at a redirect to https (it has no TLS); the TLS client takes it from here
            attempt(request.newBuilder().url(toTls).build(), reader, result, attempt);
            return;
        }
        if (offline && code == 504 && response.networkResponse() == null) {
            result.completeExceptionally(new IOException(where(request.url())
                    + ": offline, and there is no cached copy (run once online to fill the cache, or use a mirror folder)"));
            return;
        }
        if (code == 404) {
            result.complete(Optional.empty());
            return;
        }
        if (code == 304 && (request.header("If-None-Match") != null || request.header("If-Modified-Since") != null)) {
            // the caller's copy is still the page: it keeps its validators, and the 304 says how long it is fresh
            result.complete(Optional.of(new Fetched<>(null, true, true, freshUntil(response), null, null)));
            return;
        }
        if (code == 429 || code == 500 || code == 502 || code == 503 || code == 504) {
            String status = "HTTP " + code + statusText(response);
            failed(request, reader, result, attempt, new IOException(status), retryAfter(response.header("Retry-After")));
            return;
        }
        if (!response.isSuccessful()) {
            String hint = code == 401 || code == 403 ? " (credentials missing or rejected)" : "";
            result.completeExceptionally(new IOException(where(url) + ": HTTP " + code + statusText(response) + hint));
            return;
        }
        ResponseBody body = response.body();
        long length = body.contentLength();
        if (length > maxBodyBytes) {
            result.completeExceptionally(new MalformedResponseException(where(url) + ": the response is " + length
                    + " bytes, more than the " + maxBodyBytes + " bytes allowed for an index page"));
            return;
        }
        String contentType = response.header("Content-Type");
        T value;
        try (InputStream in = new Bounded(body.byteStream(), maxBodyBytes, url)) {
            value = reader.read(url, contentType, in);
        }
        result.complete(Optional.of(new Fetched<>(value, false, storable(response), freshUntil(response),
                Documents.blankToNull(response.header("ETag")), Documents.blankToNull(response.header("Last-Modified")))));
    }

    /**
     * Whether {@code response} may be kept in the page cache at all: a 200 with no redirect or retry before it, no
     * {@code no-store}, and no {@code Vary} on a header that could differ between this client's requests.
     */
    static boolean storable(Response response) {
        return response.code() == 200 && keepable(response);
    }

    /** {@link #storable}'s conditions but the status: what a 200, or the 304 that stands for one, must meet. */
    private static boolean keepable(Response response) {
        if (response.priorResponse() != null) {
            return false;
        }
        if (response.cacheControl().noStore() || response.request().cacheControl().noStore()) {
            return false;
        }
        for (String vary : response.headers("Vary")) {
            for (String field : vary.split(",")) {
                if (!SAME_IN_EVERY_REQUEST.contains(field.trim().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Until when (epoch milliseconds) OkHttp's cache would serve {@code response} without asking the server, by
     * its rule for {@code max-age} (RFC 9111 4.2): the response's age when it was received (the larger of its
     * {@code Age} and how late its {@code Date} was) counts against {@code max-age}, from the moment the
     * request was sent; a 304 gives the freshness of the copy it confirms. {@link #NOT_FRESH} for anything less
     * plain (no {@code max-age}, {@code no-cache}, {@code no-store}, a redirect or retry before it, a {@code Vary}
     * on a header that could differ): such a page is asked for every time (conditionally when it has a validator).
     */
    static long freshUntil(Response response) {
        CacheControl cc = response.cacheControl();
        boolean kept = response.code() == 200 || response.code() == 304; // a 304 stands for the copy it confirms
        if (!kept || !keepable(response) || cc.noCache() || cc.maxAgeSeconds() <= 0 || response.request().cacheControl().noCache()) {
            return NOT_FRESH;
        }
        long ageMillis = 0;
        Date date = response.headers().getDate("Date");
        if (date != null) {
            ageMillis = Math.max(0, response.receivedResponseAtMillis() - date.getTime());
        }
        String age = response.header("Age");
        if (age != null) {
            try {
                ageMillis = Math.max(ageMillis, Math.multiplyExact(Long.parseLong(age.trim()), 1000L));
            } catch (NumberFormatException | ArithmeticException unreadable) {
                return NOT_FRESH;
            }
        }
        return response.sentRequestAtMillis() + cc.maxAgeSeconds() * 1000L - ageMillis;
    }

    /** Where a redirect from plain HTTP to https leads, or null when {@code response} is not one. */
    private static HttpUrl redirectToHttps(Response response) {
        if (!response.isRedirect() || response.request().url().isHttps()) {
            return null;
        }
        String location = response.header("Location");
        HttpUrl to = location == null ? null : response.request().url().resolve(location);
        return to != null && to.isHttps() ? to : null;
    }

    private <T> void failed(Request request, BodyReader<T> reader, CompletableFuture<Optional<Fetched<T>>> result,
            int attempt, IOException e, Duration retryAfter) {
        if (!retryable(e) || attempt >= retry.maxAttempts()) {
            result.completeExceptionally(describe(request.url(), e, attempt));
            return;
        }
        Duration wait;
        if (retryAfter != null) {
            wait = retryAfter.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : retryAfter;
        } else {
            long backoff = retry.backoff(attempt).toMillis();
            // full jitter, but never less than half the backoff, so that a burst of retries still spreads out
            wait = Duration.ofMillis(backoff / 2 + (backoff > 1 ? ThreadLocalRandom.current().nextLong(backoff - backoff / 2) : 0));
        }
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> attempt(request, reader, result, attempt + 1));
    }

    /** Whether another attempt may succeed: transport failures and timeouts yes; answers that were understood no. */
    static boolean retryable(IOException e) {
        if (e instanceof MalformedResponseException || e instanceof InsecureIndexException) {
            return false;
        }
        if (e instanceof SSLException || e instanceof UnknownServiceException) {
            return false; // certificate problems and forbidden cleartext don't fix themselves
        }
        if (e instanceof ProtocolException p && String.valueOf(p.getMessage()).startsWith("Too many follow-up")) {
            return false; // a redirect loop
        }
        return true;
    }

    /** The exception the caller gets: what happened, where (redacted), after how many attempts. */
    private static IOException describe(HttpUrl url, IOException e, int attempts) {
        if (e instanceof MalformedResponseException || e instanceof InsecureIndexException) {
            return e;
        }
        String what;
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            what = "timed out";
        } else if (e instanceof java.net.SocketTimeoutException) {
            what = "timed out (" + e.getMessage() + ")";
        } else if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("unexpected end of stream")) {
            what = "the connection closed before the response was complete (" + e.getMessage() + ")";
        } else if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many follow-up")) {
            what = "too many redirects (a redirect loop?)";
        } else if (e instanceof SSLException) {
            // Certificates are always verified; say so, and how to trust a private CA, rather than only PKIX's words.
            what = "TLS failed: the server's certificate is not trusted or does not match " + url.host() + " ("
                    + e.getMessage() + "); certificates are always verified: to trust a private CA, add it to the"
                    + " Java trust store (-Djavax.net.ssl.trustStore=... in WHEELSCOUT_JAVA_OPTS)";
        } else {
            what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        return new IOException(where(url) + ": " + Redaction.text(what) + tries, e);
    }

    private static String where(HttpUrl url) {
        return "GET " + Redaction.url(url);
    }

    private static String statusText(Response response) {
        String message = response.message();
        return message == null || message.isEmpty() ? "" : " " + message;
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** Stops reading past {@code limit} bytes with a clear error, so a huge body cannot exhaust memory. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final HttpUrl url;
        private long read;

        Bounded(InputStream in, long limit, HttpUrl url) {
            super(in);
            this.limit = limit;
            this.url = url;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new MalformedResponseException(where(url) + ": the response is larger than the " + limit
                        + " bytes allowed for an index page");
            }
        }
    }

    @Override
    public void close() {
        OkHttpClient c = client.ifMade();
        if (ownsClient && c != null) {
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
            if (c.cache() != null) {
                try {
                    c.cache().close();
                } catch (IOException ignored) {
                    // the cache is a cache: closing it late loses nothing
                }
            }
        }
    }
}
