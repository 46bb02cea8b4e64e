package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions as BuildKit's parser does: parser directives at the top
 * ({@code # syntax=}, {@code # escape=}, {@code # check=}), comment lines (also inside continuations), line
 * continuations with the escape character, empty continuation lines, the leading {@code --flags} of FROM, RUN,
 * COPY and ADD, and here-documents of RUN, COPY and ADD.
 */
public final class DockerfileLexer {

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)(?:\"([^\"\\s]+)\"|'([^'\\s]+)'|([A-Za-z0-9_.-]+))");
    private static final java.util.Set<String> KNOWN_DIRECTIVES = java.util.Set.of("syntax", "escape", "check");
    private static final java.util.Set<String> FLAGGED = java.util.Set.of("FROM", "RUN", "COPY", "ADD");
    private static final java.util.Set<String> HEREDOC_INSTRUCTIONS = java.util.Set.of("RUN", "COPY", "ADD");

    /**
     * The lexed file.
     *
     * @param instructions the instructions in order
     * @param directives   the parser directives, lower-cased names, in order
     * @param problems     what could not be read (a continuation or here-document left open, a bad directive),
     *                     with the line
     */
    public record Result(List<Instruction> instructions, Map<String, String> directives, List<Problem> problems) {

        /** Freezes the fields. */
        public Result {
            instructions = List.copyOf(instructions);
            directives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directives));
            problems = List.copyOf(problems);
        }
    }

    /** Something the lexer could not read, and where. */
    public record Problem(int line, String message) {

        /** {@code line N: message}. */
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private DockerfileLexer() {
    }

    /** Lexes {@code text}. Never throws for bad input: problems are reported in the result. */
    public static Result lex(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
            lines = java.util.Arrays.copyOf(lines, lines.length - 1);
        }
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        Map<String, String> directives = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int i = 0;
        // Parser directives: only at the very top, before any comment, blank line or instruction.
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN_DIRECTIVES.contains(name)) {
                break; // an unknown directive is a comment, and ends the directives
            }
            if (directives.containsKey(name)) {
                problems.add(new Problem(i + 1, "parser directive '" + name + "' given twice"));
            }
            directives.put(name, m.group(2));
        }
        char escape = '\\';
        String escapeValue = directives.get("escape");
        if (escapeValue != null) {
            if (escapeValue.equals("`")) {
                escape = '`';
            } else if (!escapeValue.equals("\\")) {
                problems.add(new Problem(1, "escape directive must be \\ or `, not '" + escapeValue + "'"));
            }
        }

        List<Instruction> instructions = new ArrayList<>();
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String current = line;
            boolean continued;
            while (true) {
                String stripped = stripTrailing(current);
                continued = !stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape;
                if (continued) {
                    logical.append(stripped, 0, stripped.length() - 1);
                } else {
                    logical.append(current);
                }
                i++;
                if (!continued) {
                    break;
                }
                // Skip comment lines and empty lines inside a continuation, as BuildKit does.
                while (i < lines.length && (lines[i].strip().isEmpty() || lines[i].strip().startsWith("#"))) {
                    i++;
                }
                if (i >= lines.length) {
                    problems.add(new Problem(start, "the instruction ends with a line continuation at the end of"
                            + " the file"));
                    break;
                }
                current = lines[i];
            }
            String body = logical.toString().strip();
            int space = indexOfWhitespace(body);
            String keyword = space < 0 ? body : body.substring(0, space);
            String rest = space < 0 ? "" : body.substring(space).strip();
            String upper = keyword.toUpperCase(Locale.ROOT);
            List<String> flags = new ArrayList<>();
            if (FLAGGED.contains(upper)) {
                while (rest.startsWith("--")) {
                    int end = indexOfWhitespace(rest);
                    flags.add(end < 0 ? rest : rest.substring(0, end));
                    rest = end < 0 ? "" : rest.substring(end).strip();
                }
            }
            List<Heredoc> heredocs = new ArrayList<>();
            int endLine = i;
            if (HEREDOC_INSTRUCTIONS.contains(upper)) {
                Matcher h = HEREDOC.matcher(rest);
                while (h.find()) {
                    if (insideQuotes(rest, h.start())) {
                        continue;
                    }
                    boolean chomp = !h.group(1).isEmpty();
                    String word = h.group(2) != null ? h.group(2) : h.group(3) != null ? h.group(3) : h.group(4);
                    boolean expand = h.group(4) != null;
                    StringBuilder content = new StringBuilder();
                    int contentLine = i + 1;
                    boolean closed = false;
                    while (i < lines.length) {
                        String l = lines[i++];
                        String candidate = chomp ? l.replaceFirst("^\t+", "") : l;
                        if (candidate.equals(word)) {
                            closed = true;
                            break;
                        }
                        content.append(candidate).append('\n');
                    }
                    if (!closed) {
                        problems.add(new Problem(start, "here-document <<" + word + " is not closed"));
                    }
                    heredocs.add(new Heredoc(word, content.toString(), expand, contentLine));
                    endLine = i;
                }
            }
            instructions.add(new Instruction(start, Math.max(endLine, start), keyword, flags, rest, heredocs));
        }
        return new Result(instructions, directives, problems);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int indexOfWhitespace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean insideQuotes(String s, int at) {
        boolean single = false;
        boolean dbl = false;
        for (int k = 0; k < at; k++) {
            char c = s.charAt(k);
            if (c == '\\' && !single && k + 1 < at) {
                k++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single || dbl;
    }
}
