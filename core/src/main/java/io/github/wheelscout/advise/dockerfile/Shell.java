package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Enough of the POSIX shell to find the commands in a {@code RUN} line: splits a script into simple commands
 * (on {@code && || ; | &}, newlines, parentheses), splits a command into words with quoting, backslash escapes
 * and parameter expansion, drops redirections, and marks what it cannot evaluate (command substitution, globs,
 * unset variables) so that the caller reports it instead of guessing.
 */
final class Shell {

    /**
     * One word of a command after expansion.
     *
     * @param text                the word's text (unset variables expand to nothing)
     * @param raw                 the word as written
     * @param unset               variables that had no value
     * @param commandSubstitution whether it contains {@code $(...)} or backquotes
     * @param glob                whether it contains an unquoted {@code * ? [}
     */
    record Word(String text, String raw, List<String> unset, boolean commandSubstitution, boolean glob) {

        boolean literal() {
            return unset.isEmpty() && !commandSubstitution && !glob;
        }
    }

    private Shell() {
    }

    /** The raw text of each simple command of {@code script}, in order. */
    static List<String> commands(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (script.charAt(i + 1) != '\n') {
                    cur.append(c).append(script.charAt(i + 1));
                }
                i += 2;
            } else if (c == '\'') {
                int end = script.indexOf('\'', i + 1);
                end = end < 0 ? n - 1 : end;
                cur.append(script, i, end + 1);
                i = end + 1;
            } else if (c == '"') {
                int end = closingDoubleQuote(script, i);
                cur.append(script, i, Math.min(end + 1, n));
                i = end + 1;
            } else if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(') {
                int end = closingParen(script, i + 1);
                cur.append(script, i, end + 1);
                i = end + 1;
            } else if (c == '`') {
                int end = script.indexOf('`', i + 1);
                end = end < 0 ? n - 1 : end;
                cur.append(script, i, end + 1);
                i = end + 1;
            } else if (c == '#' && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '(' || c == ')') {
                // '>&' and '&>' are redirections, not separators
                boolean redirect = c == '&' && (i + 1 < n && script.charAt(i + 1) == '>'
                        || cur.length() > 0 && cur.charAt(cur.length() - 1) == '>');
                if (redirect) {
                    cur.append(c);
                    i++;
                    continue;
                }
                flush(out, cur);
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    /** The words of one simple command, expanded with {@code env}, redirections removed. */
    static List<Word> words(String command, Function<String, Optional<String>> env) {
        List<Word> out = new ArrayList<>();
        int n = command.length();
        int i = 0;
        boolean dropNext = false;
        while (i < n) {
            while (i < n && Character.isWhitespace(command.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = command.charAt(i);
            if (c == '<' || c == '>') {
                while (i < n && "<>&-".indexOf(command.charAt(i)) >= 0) {
                    i++;
                }
                // "2>&1": the operator takes a file descriptor, not a file
                if (i < n && Character.isDigit(command.charAt(i)) && command.charAt(i - 1) == '&') {
                    while (i < n && !Character.isWhitespace(command.charAt(i))) {
                        i++;
                    }
                } else {
                    dropNext = true;
                }
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            List<String> unset = new ArrayList<>();
            boolean subst = false;
            boolean glob = false;
            while (i < n && !Character.isWhitespace(command.charAt(i))) {
                char d = command.charAt(i);
                if ((d == '<' || d == '>') && text.toString().chars().allMatch(Character::isDigit)) {
                    break; // "2>file": the digits are a file descriptor
                }
                if (d == '<' || d == '>') {
                    break;
                }
                if (d == '\\' && i + 1 < n) {
                    text.append(command.charAt(i + 1));
                    i += 2;
                } else if (d == '\'') {
                    int end = command.indexOf('\'', i + 1);
                    end = end < 0 ? n : end;
                    text.append(command, i + 1, end);
                    i = Math.min(n, end + 1);
                } else if (d == '"') {
                    int end = closingDoubleQuote(command, i);
                    int k = i + 1;
                    while (k < end) {
                        char e = command.charAt(k);
                        if (e == '\\' && k + 1 < end && "$`\"\\".indexOf(command.charAt(k + 1)) >= 0) {
                            text.append(command.charAt(k + 1));
                            k += 2;
                        } else if (e == '$') {
                            int[] next = {k};
                            subst |= dollar(command, next, end, env, text, unset);
                            k = next[0];
                        } else if (e == '`') {
                            subst = true;
                            int close = command.indexOf('`', k + 1);
                            k = close < 0 || close > end ? end : close + 1;
                        } else {
                            text.append(e);
                            k++;
                        }
                    }
                    i = Math.min(n, end + 1);
                } else if (d == '$') {
                    int[] next = {i};
                    subst |= dollar(command, next, n, env, text, unset);
                    i = next[0];
                } else if (d == '`') {
                    subst = true;
                    int close = command.indexOf('`', i + 1);
                    i = close < 0 ? n : close + 1;
                } else {
                    if (d == '*' || d == '?' || d == '[') {
                        glob = true;
                    }
                    text.append(d);
                    i++;
                }
            }
            if (i == start) {
                continue;
            }
            if (dropNext) {
                dropNext = false;
                continue;
            }
            out.add(new Word(text.toString(), command.substring(start, i), List.copyOf(unset), subst, glob));
        }
        return out;
    }

    /**
     * Expands the {@code $...} at {@code at[0]} (bounded by {@code limit}) into {@code text}; advances
     * {@code at[0]}; returns whether it was a command substitution.
     */
    private static boolean dollar(String s, int[] at, int limit, Function<String, Optional<String>> env,
            StringBuilder text, List<String> unset) {
        int i = at[0];
        if (i + 1 >= limit) {
            text.append('$');
            at[0] = i + 1;
            return false;
        }
        char next = s.charAt(i + 1);
        if (next == '(') {
            at[0] = Math.min(limit, closingParen(s, i + 1) + 1);
            return true;
        }
        if (next == '{') {
            int close = s.indexOf('}', i + 2);
            if (close < 0 || close >= limit) {
                at[0] = limit;
                unset.add(s.substring(i, limit));
                return false;
            }
            Variables.Word w = Variables.word(s.substring(i, close + 1), env, '\\');
            text.append(w.value());
            unset.addAll(w.unset());
            unset.addAll(w.unsupported());
            at[0] = close + 1;
            return false;
        }
        if (Variables.isNameChar(next, true)) {
            int end = i + 1;
            while (end < limit && Variables.isNameChar(s.charAt(end), false)) {
                end++;
            }
            String name = s.substring(i + 1, end);
            Optional<String> v = env.apply(name);
            if (v.isPresent()) {
                text.append(v.get());
            } else {
                unset.add(name);
            }
            at[0] = end;
            return false;
        }
        if ("@*#?$!-0123456789".indexOf(next) >= 0) {
            unset.add("$" + next); // positional and special parameters: not known here
            at[0] = i + 2;
            return false;
        }
        text.append('$');
        at[0] = i + 1;
        return false;
    }

    private static int closingDoubleQuote(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                i = closingParen(s, i + 1) + 1;
            } else {
                i++;
            }
        }
        return s.length(); // unclosed: to the end
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                i = end < 0 ? s.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }
}
