package io.github.wheelscout.pypi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The proxies the environment asks for, read as Python's {@code urllib} and requests read them (and so pip):
 * {@code https_proxy} for https URLs, {@code http_proxy} for http URLs, {@code all_proxy} for both when the
 * specific one is unset; the lower-case name wins over the upper-case one; {@code no_proxy} lists hosts
 * reached directly ({@code *} for all; {@code example.com} and {@code .example.com} match the domain and its
 * subdomains; {@code host:port}; IPv4 addresses and CIDR ranges). A proxy URL may carry credentials for the
 * proxy ({@link #proxyCredentials}); they are never shown ({@link #toString()} redacts them).
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private final HttpUrl httpsProxy;
    private final HttpUrl httpProxy;
    private final List<String> noProxy;

    private EnvironmentProxySelector(HttpUrl httpsProxy, HttpUrl httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /**
     * The proxies set in {@code env}.
     *
     * @throws IllegalArgumentException when a proxy variable is not a URL (naming the variable, value redacted)
     */
    public static EnvironmentProxySelector from(Map<String, String> env) {
        HttpUrl all = proxyUrl(env, "all_proxy");
        HttpUrl https = proxyUrl(env, "https_proxy");
        HttpUrl http = proxyUrl(env, "http_proxy");
        String no = variable(env, "no_proxy");
        List<String> noProxy = new ArrayList<>();
        if (no != null) {
            for (String entry : no.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    noProxy.add(entry.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new EnvironmentProxySelector(https != null ? https : all, http != null ? http : all, List.copyOf(noProxy));
    }

    /** Whether any proxy is configured. */
    public boolean hasProxies() {
        return httpsProxy != null || httpProxy != null;
    }

    /** The proxy for {@code url}, or empty for a direct connection. */
    public java.util.Optional<HttpUrl> proxyFor(HttpUrl url) {
        HttpUrl proxy = url.isHttps() ? httpsProxy : httpProxy;
        if (proxy == null || bypasses(url.host(), url.port())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(proxy);
    }

    /** The credentials in the proxy URL used for {@code proxyAddress}, if any. */
    public java.util.Optional<Credentials> proxyCredentials(InetSocketAddress proxyAddress) {
        for (HttpUrl proxy : new HttpUrl[] {httpsProxy, httpProxy}) {
            if (proxy != null && !proxy.username().isEmpty() && proxy.host().equalsIgnoreCase(proxyAddress.getHostString())
                    && proxy.port() == proxyAddress.getPort()) {
                return java.util.Optional.of(new Credentials(proxy.username(), proxy.password()));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public List<Proxy> select(URI uri) {
        HttpUrl url = HttpUrl.get(uri.toString());
        return proxyFor(url)
                .map(p -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the retry policy decides what happens next
    }

    /** {@code host:port} is to be reached directly. */
    boolean bypasses(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String entryHost = entry;
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                entryHost = entry.substring(0, colon);
                entryPort = Integer.parseInt(entry.substring(colon + 1));
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            if (entryHost.contains("/") && inCidr(h, entryHost)) {
                return true;
            }
            String domain = entryHost.startsWith(".") ? entryHost.substring(1) : entryHost;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCidr(String host, String cidr) {
        int slash = cidr.indexOf('/');
        long address = ipv4(host);
        long network = ipv4(cidr.substring(0, slash));
        if (address < 0 || network < 0) {
            return false;
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address & mask) == (network & mask);
    }

    private static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static String variable(Map<String, String> env, String lowerName) {
        String lower = env.get(lowerName);
        if (lower != null && !lower.isBlank()) {
            return lower;
        }
        String upper = env.get(lowerName.toUpperCase(Locale.ROOT));
        return upper != null && !upper.isBlank() ? upper : null;
    }

    private static HttpUrl proxyUrl(Map<String, String> env, String lowerName) {
        String value = variable(Objects.requireNonNull(env, "env"), lowerName);
        if (value == null) {
            return null;
        }
        // urllib accepts host:port without a scheme and means http://host:port
        String withScheme = value.contains("://") ? value : "http://" + value;
        HttpUrl url = HttpUrl.parse(withScheme);
        if (url == null) {
            throw new IllegalArgumentException("the proxy in " + lowerName + "/" + lowerName.toUpperCase(Locale.ROOT)
                    + " is not an http(s) URL: '" + Redaction.text(withScheme) + "'");
        }
        return url;
    }

    @Override
    public String toString() {
        return "EnvironmentProxySelector[https=" + (httpsProxy == null ? "none" : Redaction.url(httpsProxy))
                + ", http=" + (httpProxy == null ? "none" : Redaction.url(httpProxy)) + ", no_proxy=" + noProxy + "]";
    }
}
