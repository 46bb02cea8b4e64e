package io.github.wheelscout.requirement;

/**
 * The value of a quoted marker value as Python's {@code ast.literal_eval} computes it: markers quote values as
 * Python string literals, so escapes are interpreted ({@code "\x70osix"} is {@code posix}) and a malformed literal
 * is an error.
 */
final class PythonStringLiteral {

    private PythonStringLiteral() {
    }

    /**
     * The value of {@code literal} (quotes included; it holds no unescaped quote of its kind), or null if Python
     * rejects it.
     */
    static String evaluate(String literal) {
        char quote = literal.charAt(0);
        int end = literal.length() - 1;
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; ) {
            char c = literal.charAt(i);
            if (c == '\n' || c == '\r' || c == 0) {
                return null; // a line break ends a single-quoted literal early; NUL is refused in source
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= end || !Character.isLowSurrogate(literal.charAt(i + 1))) {
                    return null; // not encodable as UTF-8 source
                }
                out.append(c).append(literal.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return null; // the backslash escapes the closing quote: unterminated
            }
            char e = literal.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n':
                    break; // line continuation
                case '\r':
                    if (i < end && literal.charAt(i) == '\n') {
                        i++;
                    }
                    break;
                case '\\':
                case '\'':
                case '"':
                    out.append(e);
                    break;
                case 'a':
                    out.append('\u0007');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'v':
                    out.append('\u000b');
                    break;
                case 'x':
                case 'u':
                case 'U': {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > end) {
                        return null;
                    }
                    int value = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = Character.digit(literal.charAt(i + k), 16);
                        if (d < 0 || literal.charAt(i + k) > 'f') {
                            return null;
                        }
                        value = value * 16 + d;
                        if (value > Character.MAX_CODE_POINT) {
                            return null;
                        }
                    }
                    out.appendCodePoint(value);
                    i += digits;
                    break;
                }
                case 'N': {
                    int close = literal.indexOf('}', i);
                    if (i >= end || literal.charAt(i) != '{' || close < 0 || close >= end || close == i + 1) {
                        return null;
                    }
                    int cp;
                    try {
                        cp = Character.codePointOf(literal.substring(i + 1, close));
                    } catch (IllegalArgumentException unknown) {
                        return null;
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < end && literal.charAt(i) >= '0' && literal.charAt(i) <= '7'; k++) {
                            value = value * 8 + (literal.charAt(i++) - '0');
                        }
                        out.append((char) value);
                    } else {
                        // An unknown escape keeps its backslash (Python warns, but accepts it).
                        out.append('\\');
                        i--; // the escaped character is read again as an ordinary one
                    }
            }
        }
        return quote == literal.charAt(end) ? out.toString() : null;
    }
}
