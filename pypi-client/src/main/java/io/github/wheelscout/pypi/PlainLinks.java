package io.github.wheelscout.pypi;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/**
 * The common file links of index pages resolved without a URL parser: an absolute {@code https://host/path} or a
 * path relative to the page ({@code ../../packages/ab/cd/x-1.0.tar.gz}, as mirrors write them), made only of
 * characters that OkHttp leaves as they are. Such a link resolves to the same text {@link HttpUrl#resolve} gives
 * (a test checks it), at a fraction of the cost: a page lists thousands of them, and parsing each one was a third
 * of the time spent reading a page. Anything else (percent-escapes, queries, userinfo, ports, IP addresses,
 * {@code .} segments) is left to {@link HttpUrl}: {@link #resolve} returns null.
 */
final class PlainLinks {

    private final String origin;
    private final String directory;

    private PlainLinks(String origin, String directory) {
        this.origin = origin;
        this.directory = directory;
    }

    /** The resolver for links on the page at {@code base}, or null when the page's own URL is not plain. */
    static PlainLinks of(HttpUrl base) {
        if (base == null || !base.username().isEmpty() || !base.password().isEmpty()) {
            return null;
        }
        String text = base.toString();
        int pathStart = text.indexOf('/', base.scheme().length() + 3);
        String path = base.encodedPath();
        if (pathStart < 0 || !text.startsWith(path, pathStart)) {
            return null;
        }
        return new PlainLinks(text.substring(0, pathStart), path.substring(0, path.lastIndexOf('/') + 1));
    }

    /**
     * {@code href} resolved against the page, without its fragment, and the fragment; null when {@code href} is
     * not plain.
     */
    SimpleApiParser.Link resolve(String href) {
        // The checks read the link's bytes (a non-Latin-1 character becomes '?', which is not plain): a page has
        // thousands of links, mostly read before the JIT has compiled this, and array reads are what the
        // interpreter does fastest.
        byte[] h = href.getBytes(StandardCharsets.ISO_8859_1);
        int hash = indexOf(h, '#', 0);
        int end = hash < 0 ? h.length : hash;
        if (hash >= 0 && !allUnreserved(h, hash + 1, h.length)) {
            return null;
        }
        String url;
        if (startsWith(h, "https://") || startsWith(h, "http://")) {
            int hostStart = indexOf(h, '/', 0) + 2;
            int pathStart = indexOf(h, '/', hostStart);
            if (pathStart < 0 || pathStart >= end || !plainHost(h, hostStart, pathStart) || !plainPath(h, pathStart + 1, end)) {
                return null;
            }
            url = href.substring(0, end);
        } else {
            int i = 0;
            String dir = directory;
            while (i + 3 <= end && h[i] == '.' && h[i + 1] == '.' && h[i + 2] == '/') {
                int up = dir.lastIndexOf('/', dir.length() - 2);
                if (up < 0) {
                    return null; // above the root: left to OkHttp
                }
                dir = dir.substring(0, up + 1);
                i += 3;
            }
            if (i == end || h[i] == '/' || !plainPath(h, i, end)) {
                return null;
            }
            url = origin + dir + href.substring(i, end);
        }
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : new SimpleApiParser.Link(url, last, hash < 0 ? null : href.substring(hash + 1));
    }

    private static int indexOf(byte[] s, char c, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] s, String prefix) {
        if (s.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case DNS labels, with at least one letter in the last (so no IP address, which OkHttp rewrites). */
    private static boolean plainHost(byte[] s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int labelStart = from;
        boolean letterInLabel = false;
        for (int i = from; i <= to; i++) {
            int c = i == to ? '.' : s[i];
            if (c == '.') {
                if (i == labelStart || s[i - 1] == '-' || s[labelStart] == '-') {
                    return false;
                }
                if (i == to && !letterInLabel) {
                    return false;
                }
                labelStart = i + 1;
                letterInLabel = false;
            } else if (c >= 'a' && c <= 'z') {
                letterInLabel = true;
            } else if (!(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Segments of unreserved characters (and {@code +}, {@code =}), none empty, {@code .} or {@code ..}. */
    private static boolean plainPath(byte[] s, int from, int to) {
        int segmentStart = from;
        for (int i = from; i <= to; i++) {
            int c = i == to ? '/' : s[i];
            if (c == '/') {
                int length = i - segmentStart;
                boolean dots = length > 0 && length <= 2 && s[segmentStart] == '.' && s[i - 1] == '.';
                if (length == 0 || dots) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c < 0 || !UNRESERVED[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allUnreserved(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < 0 || !UNRESERVED[s[i]]) {
                return false;
            }
        }
        return true;
    }

    /** ASCII letters, digits, {@code - . _ ~}, and {@code +} and {@code =}, which OkHttp also leaves as they are. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            UNRESERVED[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '=';
        }
    }
}
