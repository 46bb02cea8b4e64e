package io.github.wheelscout.pypi;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor, so it sees every hop including redirects: refuses plain HTTP to an untrusted host
 * (before the request is written), and adds HTTP basic credentials for hosts that have them (from index URL
 * userinfo, then netrc), as pip's {@code MultiDomainBasicAuth} does pre-emptively. Credentials are matched
 * per host (and port), so a redirect to another host never carries them.
 */
final class IndexGuard implements Interceptor {

    private final Set<String> trustedHosts;
    private final Map<String, Credentials> urlCredentials;
    private final Netrc netrc;

    /**
     * @param trustedHosts   {@code host} or {@code host:port} entries, lower case (pip's --trusted-host)
     * @param urlCredentials {@code host:port} to credentials taken from index URLs
     */
    IndexGuard(Set<String> trustedHosts, Map<String, Credentials> urlCredentials, Netrc netrc) {
        this.trustedHosts = Set.copyOf(trustedHosts);
        this.urlCredentials = Map.copyOf(urlCredentials);
        this.netrc = netrc;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        if (!url.isHttps() && !trusted(url, trustedHosts)) {
            throw new InsecureIndexException(insecureMessage(url));
        }
        if (request.header("Authorization") == null) {
            Credentials credentials = credentialsFor(url);
            if (credentials != null) {
                request = request.newBuilder().header("Authorization", credentials.basicAuthorization()).build();
            }
        }
        return chain.proceed(request);
    }

    Credentials credentialsFor(HttpUrl url) {
        Credentials c = urlCredentials.get(hostPort(url));
        if (c != null) {
            return c;
        }
        return netrc.forHost(url.host()).orElse(null);
    }

    static String hostPort(HttpUrl url) {
        return url.host().toLowerCase(Locale.ROOT) + ":" + url.port();
    }

    /** pip's secure origins: https anywhere; http only on loopback or a trusted host. */
    static boolean trusted(HttpUrl url, Set<String> trustedHosts) {
        if (url.isHttps()) {
            return true;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || isLoopbackV4(host)) {
            return true;
        }
        return trustedHosts.contains(host) || trustedHosts.contains(host + ":" + url.port());
    }

    private static boolean isLoopbackV4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static String insecureMessage(HttpUrl url) {
        return "refusing plain HTTP to " + Redaction.url(url) + ": the host '" + url.host()
                + "' is not trusted (use https, or pass --trusted-host " + url.host() + " to allow it)";
    }
}
