package io.github.wheelscout.util;

/**
 * The {@code str} methods of Python that packaging relies on when it reads wheel filenames, beyond those in
 * {@link PythonText}: {@code lower()} and {@code isidentifier()}.
 * Java's own methods differ at the edges (final sigma, {@code İ}, identifier-ignorable characters), and the
 * filename parser must accept exactly what packaging accepts.
 *
 * <p>The character properties come from the JDK's Unicode tables; where the JDK's Unicode version is older than
 * the Python that produced the reference data, characters assigned in between are treated as unassigned.
 */
public final class PythonStrings {

    private static final char CAPITAL_SIGMA = '\u03a3';

    private PythonStrings() {
    }

    /**
     * Python's {@code s.lower()}: full Unicode lower-casing without locale, including {@code İ} → {@code i̇} and
     * the final-sigma rule ({@code Σ} at the end of a word → {@code ς}). Returns {@code s} itself when it has
     * nothing to lower.
     */
    public static String lower(String s) {
        int n = s.length();
        int i = 0;
        // Fast path: scan while the text is already lower-case ASCII (the usual tag or name).
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                break;
            }
            i++;
        }
        return i == n ? s : lowerFrom(s, i);
    }

    /** The general case of {@link #lower(String)}, kept out of line so that callers inline only the scan. */
    private static String lowerFrom(String s, int i) {
        int n = s.length();
        StringBuilder out = null;
        for (int j = i; j < n; ) {
            int cp = s.codePointAt(j);
            int width = Character.charCount(cp);
            String replacement = null;
            int lowered;
            if (cp == 0x130) {
                replacement = "i\u0307";
                lowered = -1;
            } else if (cp == CAPITAL_SIGMA) {
                lowered = isFinalSigma(s, j) ? '\u03c2' : '\u03c3';
            } else {
                lowered = Character.toLowerCase(cp);
            }
            if (replacement != null || lowered != cp) {
                if (out == null) {
                    out = new StringBuilder(n + 1).append(s, 0, j);
                }
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(lowered);
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            j += width;
        }
        return out == null ? s : out.toString();
    }

    /** CPython's rule: cased, case-ignorable*, Σ, not followed by (case-ignorable*, cased). */
    private static boolean isFinalSigma(String s, int index) {
        int j = index;
        int before = -1;
        while (j > 0) {
            int cp = s.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                before = cp;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        j = index + 1;
        while (j < s.length()) {
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
        }
        return true;
    }

    /** Unicode's {@code Cased} property: lower-case, upper-case or title-case. */
    static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Unicode's {@code Case_Ignorable} property: marks, format characters, modifier letters and symbols, and the
     * word-internal punctuation of UAX #29 (MidLetter, MidNumLet, Single_Quote).
     */
    static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            case '\'', '.', ':', 0x00b7, 0x0387, 0x055f, 0x05f4, 0x2018, 0x2019, 0x2024, 0x2027, 0xfe13, 0xfe52,
                    0xfe55, 0xff07, 0xff0e, 0xff1a:
                return true;
            default:
                break;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /**
     * Python's {@code s.isidentifier()}: not empty, the first character {@code _} or XID_Start, the others
     * XID_Continue.
     */
    public static boolean isIdentifier(String s) {
        return isIdentifier(s, 0, s.length());
    }

    /** {@link #isIdentifier(String)} of {@code s.substring(from, to)}, without copying it. */
    public static boolean isIdentifier(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            boolean ok = i == from ? isIdentifierStart(cp) : isIdentifierPart(cp);
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isIdentifierStart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
        }
        return Character.isUnicodeIdentifierStart(cp) && !Character.isIdentifierIgnorable(cp)
                && !notXidStart(cp);
    }

    private static boolean isIdentifierPart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)
                && !notXidContinue(cp);
    }

    /**
     * The characters that are ID_Start but not XID_Start (their NFKC form is not an identifier start).
     */
    private static boolean notXidStart(int cp) {
        return cp == 0x0e33 || cp == 0x0eb3 || cp == 0xff9e || cp == 0xff9f || notXidContinue(cp);
    }

    /**
     * The characters that are ID_Continue but not XID_Continue, and U+2E2F (a modifier letter that is
     * Pattern_Syntax, which the JDK still counts as an identifier character).
     */
    private static boolean notXidContinue(int cp) {
        return cp == 0x037a || cp == 0x309b || cp == 0x309c || (cp >= 0xfc5e && cp <= 0xfc63) || cp == 0xfdfa
                || cp == 0xfdfb || (cp >= 0xfe70 && cp <= 0xfe7e && (cp & 1) == 0) || cp == 0x2e2f;
    }
}
