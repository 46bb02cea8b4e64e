package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Docker's word processing for the instructions it expands variables in (FROM, COPY, ADD, WORKDIR, ENV, ARG,
 * USER, ...): {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${name-word}}, {@code ${name:+word}},
 * {@code ${name+word}}, single quotes (literal), double quotes, and the escape character. Unset variables and
 * forms it does not follow are reported, never silently replaced.
 */
final class Variables {

    /**
     * One expanded word.
     *
     * @param value       the text after expansion (unset variables expand to nothing, as in Docker)
     * @param unset       variables that were used but have no value
     * @param unsupported expansion forms not followed ({@code ${name#pattern}} ...)
     */
    record Word(String value, List<String> unset, List<String> unsupported) {

        boolean complete() {
            return unset.isEmpty() && unsupported.isEmpty();
        }
    }

    /**
     * The deepest nesting of {@code ${a:-${b:-...}}} followed; deeper forms are reported as not followed (real
     * Dockerfiles nest one or two levels; each level re-reads its text, so depth must be bounded).
     */
    static final int MAX_NESTING = 32;

    private Variables() {
    }

    /** {@code text} as one word (whitespace kept). */
    static Word word(String text, Function<String, Optional<String>> lookup, char escape) {
        return word(text, lookup, escape, 0);
    }

    private static Word word(String text, Function<String, Optional<String>> lookup, char escape, int depth) {
        List<Word> words = process(text, lookup, escape, false, depth);
        return words.isEmpty() ? new Word("", List.of(), List.of()) : words.get(0);
    }

    /** {@code text} split into words on unquoted whitespace, each expanded. */
    static List<Word> words(String text, Function<String, Optional<String>> lookup, char escape) {
        return process(text, lookup, escape, true, 0);
    }

    private static List<Word> process(String text, Function<String, Optional<String>> lookup, char escape,
            boolean split, int depth) {
        List<Word> out = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        List<String> unset = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (split && Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Word(value.toString(), List.copyOf(unset), List.copyOf(unsupported)));
                    value.setLength(0);
                    unset.clear();
                    unsupported.clear();
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == escape && i + 1 < n) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    end = n;
                }
                value.append(text, i + 1, end);
                i = Math.min(n, end + 1);
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == escape && i + 1 < n && "\"$".indexOf(text.charAt(i + 1)) >= 0
                            || d == escape && i + 1 < n && text.charAt(i + 1) == escape) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == '$') {
                        i = dollar(text, i, lookup, escape, value, unset, unsupported, depth);
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '$') {
                i = dollar(text, i, lookup, escape, value, unset, unsupported, depth);
            } else {
                value.append(c);
                i++;
            }
        }
        if (inWord || !split) {
            out.add(new Word(value.toString(), List.copyOf(unset), List.copyOf(unsupported)));
        }
        return out;
    }

    /** Expands the {@code $...} at {@code i}; returns the index after it. */
    private static int dollar(String text, int i, Function<String, Optional<String>> lookup, char escape,
            StringBuilder value, List<String> unset, List<String> unsupported, int depth) {
        int n = text.length();
        if (i + 1 >= n) {
            value.append('$');
            return i + 1;
        }
        char next = text.charAt(i + 1);
        if (next == '{') {
            int close = matchingBrace(text, i + 1);
            if (close < 0) {
                unsupported.add(text.substring(i));
                return n;
            }
            if (depth >= MAX_NESTING) {
                unsupported.add("${...} nested more than " + MAX_NESTING + " deep");
                return close + 1;
            }
            String inner = text.substring(i + 2, close);
            int nameEnd = 0;
            while (nameEnd < inner.length() && isNameChar(inner.charAt(nameEnd), nameEnd == 0)) {
                nameEnd++;
            }
            String name = inner.substring(0, nameEnd);
            String op = inner.substring(nameEnd);
            Optional<String> v = name.isEmpty() ? Optional.empty() : lookup.apply(name);
            if (name.isEmpty()) {
                unsupported.add("${" + inner + "}");
            } else if (op.isEmpty()) {
                if (v.isPresent()) {
                    value.append(v.get());
                } else {
                    unset.add(name);
                }
            } else if (op.startsWith(":-") || op.startsWith("-")) {
                boolean colon = op.startsWith(":");
                String word = op.substring(colon ? 2 : 1);
                boolean useWord = v.isEmpty() || colon && v.get().isEmpty();
                if (useWord) {
                    Word w = word(word, lookup, escape, depth + 1);
                    value.append(w.value());
                    unset.addAll(w.unset());
                    unsupported.addAll(w.unsupported());
                } else {
                    value.append(v.get());
                }
            } else if (op.startsWith(":+") || op.startsWith("+")) {
                boolean colon = op.startsWith(":");
                String word = op.substring(colon ? 2 : 1);
                boolean useWord = v.isPresent() && !(colon && v.get().isEmpty());
                if (useWord) {
                    Word w = word(word, lookup, escape, depth + 1);
                    value.append(w.value());
                    unset.addAll(w.unset());
                    unsupported.addAll(w.unsupported());
                }
            } else if (op.startsWith(":?") || op.startsWith("?")) {
                if (v.isPresent()) {
                    value.append(v.get());
                } else {
                    unset.add(name);
                }
            } else {
                unsupported.add("${" + inner + "}");
            }
            return close + 1;
        }
        if (isNameChar(next, true)) {
            int end = i + 1;
            while (end < n && isNameChar(text.charAt(end), false)) {
                end++;
            }
            String name = text.substring(i + 1, end);
            Optional<String> v = lookup.apply(name);
            if (v.isPresent()) {
                value.append(v.get());
            } else {
                unset.add(name);
            }
            return end;
        }
        value.append('$');
        return i + 1;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    static boolean isNameChar(char c, boolean first) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9';
    }
}
