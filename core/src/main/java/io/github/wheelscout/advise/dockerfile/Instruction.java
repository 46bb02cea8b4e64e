package io.github.wheelscout.advise.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * One Dockerfile instruction after line continuations are joined and comments removed.
 *
 * @param line      the line it starts on (1-based)
 * @param endLine   the last line it (or its here-documents) spans
 * @param keyword   the instruction as written ({@code FROM}, {@code run})
 * @param flags     the leading {@code --name=value} flags of FROM, RUN, COPY and ADD, as written
 * @param arguments the rest of the instruction, as written (continuations joined)
 * @param heredocs  its here-documents, in order
 */
public record Instruction(int line, int endLine, String keyword, List<String> flags, String arguments,
        List<Heredoc> heredocs) {

    /** Checks the fields and freezes the lists. */
    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        flags = List.copyOf(flags);
        Objects.requireNonNull(arguments, "arguments");
        heredocs = List.copyOf(heredocs);
    }

    /** The keyword in upper case, as Docker compares it. */
    public String name() {
        return keyword.toUpperCase(java.util.Locale.ROOT);
    }

    /** The value of flag {@code --name=value} (the last one given), or {@code null}. */
    public String flag(String name) {
        String prefix = "--" + name + "=";
        String value = null;
        for (String f : flags) {
            if (f.startsWith(prefix)) {
                value = f.substring(prefix.length());
            }
        }
        return value;
    }

    /** The values of every {@code --name=value} flag, in order. */
    public List<String> flags(String name) {
        String prefix = "--" + name + "=";
        return flags.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).toList();
    }

    /** The instruction as one line, shortened for messages. */
    public String excerpt() {
        String text = keyword + (flags.isEmpty() ? "" : " " + String.join(" ", flags))
                + (arguments.isEmpty() ? "" : " " + arguments);
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
