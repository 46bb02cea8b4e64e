package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic for image paths (absolute, {@code /}-separated) and build-context paths (relative). */
final class Paths {

    private Paths() {
    }

    /** {@code path} resolved against the absolute directory {@code base}, normalised ({@code .}, {@code ..}). */
    static String join(String base, String path) {
        String combined = path.startsWith("/") ? path : base + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : combined.split("/+")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** A build-context path: {@code rest} under the context path {@code dir}, normalised, without leading {@code /}. */
    static String joinRelative(String dir, String rest) {
        return contextRelative(join("/", dir + "/" + rest));
    }

    /** A context path normalised: {@code ./a/../b} and {@code /b} both become {@code b}; the root is {@code .}. */
    static String contextRelative(String path) {
        String abs = join("/", path);
        return abs.equals("/") ? "." : abs.substring(1);
    }

    /** The last segment of {@code path} (trailing {@code /} ignored). */
    static String basename(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** The directory of an absolute path. */
    static String parent(String abs) {
        int slash = abs.lastIndexOf('/');
        return slash <= 0 ? "/" : abs.substring(0, slash);
    }

    /** The directory of a context path ({@code .} at the top). */
    static String parentRelative(String path) {
        String normal = contextRelative(path);
        int slash = normal.lastIndexOf('/');
        return slash < 0 ? "." : normal.substring(0, slash);
    }

    /** Whether a COPY source names a directory whose contents are copied ({@code .}, {@code dir/}, {@code dir/.}). */
    static boolean isDirectoryLike(String src) {
        return src.equals(".") || src.equals("./") || src.equals("/") || src.endsWith("/") || src.endsWith("/.");
    }

    /** Whether {@code s} contains a glob character. */
    static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** Whether {@code name} matches the glob {@code pattern} ({@code * ? [...]}, within one path segment). */
    static boolean globMatches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int close = p.indexOf(']', pi + 2);
                if (close < 0) {
                    if (s.charAt(si) != '[') {
                        return false;
                    }
                    pi++;
                    si++;
                    continue;
                }
                String set = p.substring(pi + 1, close);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                if (negate) {
                    set = set.substring(1);
                }
                boolean in = false;
                char ch = s.charAt(si);
                for (int k = 0; k < set.length(); k++) {
                    if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                        in |= ch >= set.charAt(k) && ch <= set.charAt(k + 2);
                        k += 2;
                    } else {
                        in |= ch == set.charAt(k);
                    }
                }
                if (in == negate) {
                    return false;
                }
                pi = close + 1;
                si++;
            } else {
                if (c != s.charAt(si)) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }
}
