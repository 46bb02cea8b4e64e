package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The exec form of Dockerfile instructions: a JSON array of strings, e.g. {@code ["pip", "install", "x"]}. */
final class JsonArray {

    private JsonArray() {
    }

    /** The strings of {@code text} if it is exactly a JSON array of strings, else empty. */
    static Optional<List<String>> parse(String text) {
        String s = text.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        int i = skip(s, 1);
        if (s.charAt(i) == ']') {
            return i == s.length() - 1 ? Optional.of(out) : Optional.empty();
        }
        while (true) {
            if (s.charAt(i) != '"') {
                return Optional.empty();
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) {
                    return Optional.empty();
                }
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    break;
                }
                if (c < 0x20) {
                    return Optional.empty();
                }
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        return Optional.empty();
                    }
                    char e = s.charAt(i + 1);
                    switch (e) {
                        case '"', '\\', '/' -> value.append(e);
                        case 'b' -> value.append('\b');
                        case 'f' -> value.append('\f');
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case 'u' -> {
                            if (i + 6 > s.length()) {
                                return Optional.empty();
                            }
                            try {
                                value.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                            } catch (NumberFormatException ex) {
                                return Optional.empty();
                            }
                            i += 4;
                        }
                        default -> {
                            return Optional.empty();
                        }
                    }
                    i += 2;
                } else {
                    value.append(c);
                    i++;
                }
            }
            out.add(value.toString());
            i = skip(s, i);
            if (i >= s.length()) {
                return Optional.empty();
            }
            if (s.charAt(i) == ']') {
                return i == s.length() - 1 ? Optional.of(out) : Optional.empty();
            }
            if (s.charAt(i) != ',') {
                return Optional.empty();
            }
            i = skip(s, i + 1);
            if (i >= s.length()) {
                return Optional.empty();
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return Math.min(i, s.length() - 1);
    }
}
