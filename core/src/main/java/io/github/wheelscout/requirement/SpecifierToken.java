package io.github.wheelscout.requirement;

import io.github.wheelscout.util.PythonText;

/**
 * The SPECIFIER token of packaging's PEP 508 tokenizer: its specifier pattern matched as a prefix at a position
 * (Python's {@code re.match}), which takes the first successful path of the pattern, greedy at every step. The
 * token may stop in the middle of what a user meant ({@code >=1.0.*} yields {@code >=1.0}); the parser reports
 * what follows.
 */
final class SpecifierToken {

    private SpecifierToken() {
    }

    /** The end of the specifier token at {@code start} of {@code s}, or -1 if none starts there. */
    static int match(String s, int start) {
        if (s.startsWith("===", start)) {
            // === \s* [^\s;)]*
            int i = skipSpace(s, start + 3);
            while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != ')' && !PythonText.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
        if (s.startsWith("==", start) || s.startsWith("!=", start)) {
            int i = release(s, skipSpace(s, start + 2), 1);
            if (i < 0) {
                return -1;
            }
            if (s.startsWith(".*", i)) {
                return i + 2;
            }
            return local(s, suffixes(s, i, false));
        }
        if (s.startsWith("~=", start)) {
            int i = release(s, skipSpace(s, start + 2), 2);
            return i < 0 ? -1 : suffixes(s, i, true);
        }
        int op = s.startsWith("<=", start) || s.startsWith(">=", start) ? 2
                : s.startsWith("<", start) || s.startsWith(">", start) ? 1 : 0;
        if (op == 0) {
            return -1;
        }
        int i = release(s, skipSpace(s, start + op), 1);
        return i < 0 ? -1 : suffixes(s, i, false);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && PythonText.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * {@code v? ([0-9]+!)? [0-9]+ (\.[0-9]+)*} with at least {@code minSegments} segments; the end, or -1. The
     * epoch is taken only when a release follows it (the pattern backtracks otherwise).
     */
    private static int release(String s, int i, int minSegments) {
        if (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
            i++;
        }
        int withEpoch = -1;
        int digits = digits(s, i);
        if (digits > i && digits < s.length() && s.charAt(digits) == '!') {
            withEpoch = segments(s, digits + 1, minSegments);
        }
        return withEpoch >= 0 ? withEpoch : segments(s, i, minSegments);
    }

    private static int segments(String s, int i, int minSegments) {
        int end = digits(s, i);
        if (end == i) {
            return -1;
        }
        int count = 1;
        while (end + 1 < s.length() && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
            end = digits(s, end + 1);
            count++;
        }
        return count >= minSegments ? end : -1;
    }

    /** The optional pre-, post- and dev-release parts, each taken greedily when it matches. */
    private static int suffixes(String s, int i, boolean unicodeCase) {
        // pre: [-_.]? (alpha|beta|preview|pre|a|b|c|rc) [-_.]? [0-9]*
        int k = separator(s, i);
        int label = label(s, k, unicodeCase, "alpha", "beta", "preview", "pre", "a", "b", "c", "rc");
        if (label >= 0) {
            i = digits(s, separator(s, label));
        }
        // post: -[0-9]+ | [-_.]? (post|rev|r) [-_.]? [0-9]*
        if (i + 1 < s.length() && s.charAt(i) == '-' && isDigit(s.charAt(i + 1))) {
            i = digits(s, i + 1);
        } else {
            k = separator(s, i);
            label = label(s, k, unicodeCase, "post", "rev", "r");
            if (label >= 0) {
                i = digits(s, separator(s, label));
            }
        }
        // dev: [-_.]? dev [-_.]? [0-9]*
        k = separator(s, i);
        label = label(s, k, unicodeCase, "dev");
        if (label >= 0) {
            i = digits(s, separator(s, label));
        }
        return i;
    }

    /** local: (\+[a-z0-9]+([-_.][a-z0-9]+)*)? ignoring ASCII case. */
    private static int local(String s, int i) {
        if (i + 1 < s.length() && s.charAt(i) == '+' && isAlnum(s.charAt(i + 1))) {
            int end = alnums(s, i + 1);
            while (end + 1 < s.length() && isSeparator(s.charAt(end)) && isAlnum(s.charAt(end + 1))) {
                end = alnums(s, end + 1);
            }
            return end;
        }
        return i;
    }

    /** The end of the first of {@code labels} found at {@code i} (case-insensitive), or -1. */
    private static int label(String s, int i, boolean unicodeCase, String... labels) {
        for (String label : labels) {
            if (matchesIgnoringCase(s, i, label, unicodeCase)) {
                return i + label.length();
            }
        }
        return -1;
    }

    /**
     * Whether {@code label} (lower-case ASCII) is at {@code i}. Python's case-insensitive matching without the
     * ASCII flag (packaging's {@code ~=} branch) also equates {@code ſ} with {@code s} and {@code İ ı} with
     * {@code i}.
     */
    private static boolean matchesIgnoringCase(String s, int i, String label, boolean unicodeCase) {
        if (i + label.length() > s.length()) {
            return false;
        }
        for (int n = 0; n < label.length(); n++) {
            char c = s.charAt(i + n);
            char want = label.charAt(n);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            boolean ok = lower == want
                    || (unicodeCase && want == 's' && c == '\u017f')
                    || (unicodeCase && want == 'i' && (c == '\u0130' || c == '\u0131'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int separator(String s, int i) {
        return i < s.length() && isSeparator(s.charAt(i)) ? i + 1 : i;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    private static int digits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int alnums(String s, int i) {
        while (i < s.length() && isAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
