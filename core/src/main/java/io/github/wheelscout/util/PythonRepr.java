package io.github.wheelscout.util;

/**
 * Python's {@code repr()} of a string. packaging quotes offending input with {@code repr()} in its error
 * messages; wheelscout's messages do the same so that they match packaging's word for word.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /**
     * The text Python's {@code repr(s)} prints: single quotes unless {@code s} contains {@code '} and no
     * {@code "}; backslash escapes for {@code \\ \t \n \r} and the quote; {@code \xhh}, {@code \\uhhhh} or
     * {@code \Uhhhhhhhh} for characters Python does not consider printable.
     */
    public static String of(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                hex(out.append("\\x"), cp, 2);
            } else if (cp <= 0xFFFF) {
                hex(out.append("\\u"), cp, 4);
            } else {
                hex(out.append("\\U"), cp, 8);
            }
        }
        return out.append(quote).toString();
    }

    /** Appends {@code value} as {@code digits} lower-case hex digits (no String.format: inputs can be megabytes). */
    private static void hex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >>> shift) & 0xF, 16));
        }
    }

    /** Python's {@code str.isprintable()} for one code point: not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs but space. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
