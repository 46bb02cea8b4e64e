package io.github.wheelscout.pypi;

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
        int hash = href.indexOf('#');
        String ref = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? null : href.substring(hash + 1);
        if (fragment != null && !plainFragment(fragment)) {
            return null;
        }
        String url;
        if (ref.startsWith("https://") || ref.startsWith("http://")) {
            int hostStart = ref.indexOf("//") + 2;
            int pathStart = ref.indexOf('/', hostStart);
            if (pathStart < 0 || !plainHost(ref, hostStart, pathStart) || !plainPath(ref, pathStart + 1)) {
                return null;
            }
            url = ref;
        } else {
            int i = 0;
            String dir = directory;
            while (ref.startsWith("../", i)) {
                int up = dir.lastIndexOf('/', dir.length() - 2);
                if (up < 0) {
                    return null; // above the root: left to OkHttp
                }
                dir = dir.substring(0, up + 1);
                i += 3;
            }
            if (i == ref.length() || ref.charAt(i) == '/' || !plainPath(ref, i)) {
                return null;
            }
            url = origin + dir + ref.substring(i);
        }
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : new SimpleApiParser.Link(url, last, fragment);
    }

    /** Lower-case DNS labels, with at least one letter in the last (so no IP address, which OkHttp rewrites). */
    private static boolean plainHost(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int labelStart = from;
        boolean letterInLabel = false;
        for (int i = from; i <= to; i++) {
            char c = i == to ? '.' : s.charAt(i);
            if (c == '.') {
                if (i == labelStart || s.charAt(i - 1) == '-' || s.charAt(labelStart) == '-') {
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
    private static boolean plainPath(String s, int from) {
        int segmentStart = from;
        for (int i = from; i <= s.length(); i++) {
            char c = i == s.length() ? '/' : s.charAt(i);
            if (c == '/') {
                int length = i - segmentStart;
                boolean dots = length > 0 && length <= 2 && s.charAt(segmentStart) == '.' && s.charAt(i - 1) == '.';
                if (length == 0 || dots) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!unreserved(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainFragment(String fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            if (!unreserved(fragment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '=';
    }
}
