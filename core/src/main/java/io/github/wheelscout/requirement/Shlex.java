package io.github.wheelscout.requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split(s)} (POSIX mode, no comments), which pip applies to the options part of a
 * requirements-file line: words split at space, tab, CR and LF; single quotes take everything literally; double
 * quotes let a backslash escape only {@code "} and {@code \}; outside quotes a backslash escapes any character.
 */
final class Shlex {

    private Shlex() {
    }

    /**
     * The words of {@code s}.
     *
     * @throws IllegalArgumentException with Python's message ({@code No closing quotation},
     *     {@code No escaped character})
     */
    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // a word has started (possibly an empty quoted one)
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\') {
                    if (++i >= s.length()) {
                        throw new IllegalArgumentException("No escaped character");
                    }
                    char next = s.charAt(i);
                    if (next != '"' && next != '\\') {
                        word.append('\\');
                    }
                    word.append(next);
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\') {
                if (++i >= s.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word.append(s.charAt(i));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
