package io.github.wheelscout.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's notions of text that packaging and pip rely on: what {@code str.strip()} and the regular
 * expression {@code \s} consider whitespace, and how Python splits lines and orders strings. Java's
 * {@link Character#isWhitespace(int)} differs (it excludes U+0085, U+00A0, U+2007 and U+202F), so the parsers
 * use this instead.
 */
public final class PythonText {

    private PythonText() {
    }

    /**
     * Python's {@code str.isspace()} for one code point: {@code \t \n \x0b \x0c \r}, U+001C to U+001F, space,
     * U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. Not U+200B, U+180E
     * or U+FEFF.
     */
    public static boolean isWhitespace(int cp) {
        if (cp <= ' ') {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
        }
        if (cp < 0x85) {
            return false;
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python's {@code s.strip()}: {@code s} without leading and trailing {@linkplain #isWhitespace whitespace}. */
    public static String strip(String s) {
        int start = stripStart(s, 0, s.length());
        int end = stripEnd(s, start, s.length());
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** The index of the first non-whitespace character of {@code s[from, to)}, or {@code to}. */
    public static int stripStart(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(s.charAt(i))) {
            i++; // every Python whitespace character is in the BMP
        }
        return i;
    }

    /** The index after the last non-whitespace character of {@code s[from, to)}, or {@code from}. */
    public static int stripEnd(CharSequence s, int from, int to) {
        int i = to;
        while (i > from && isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * Python's order of strings: by code point. {@link String#compareTo} compares UTF-16 units, which orders
     * characters above U+FFFF before U+E000..U+FFFF; this does not.
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Whether Python's regular expressions count {@code cp} as a word character ({@code \w} in a str pattern):
     * {@code _} or what {@code str.isalnum()} accepts (letters, and decimal, digit and numeric characters).
     */
    public static boolean isWordCharacter(int cp) {
        if (cp < 0x80) {
            return cp == '_' || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    /**
     * Python's {@code s.splitlines()}: lines split at {@code \n}, {@code \r\n}, {@code \r}, {@code \x0b},
     * {@code \x0c}, {@code \x1c}, {@code \x1d}, {@code \x1e}, U+0085, U+2028 and U+2029, without their line
     * breaks; no empty last line for a trailing break.
     */
    public static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }
}
