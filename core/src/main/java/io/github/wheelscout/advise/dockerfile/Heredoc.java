package io.github.wheelscout.advise.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to a {@code RUN}, {@code COPY} or {@code ADD} instruction (BuildKit syntax):
 * {@code <<EOF} ... {@code EOF}.
 *
 * @param delimiter the word that ends it
 * @param content   its lines joined with {@code \n} (leading tabs removed for {@code <<-}), with a final newline
 * @param expand    whether variables in it are expanded (the delimiter was not quoted)
 * @param line      the line of its first content line
 */
public record Heredoc(String delimiter, String content, boolean expand, int line) {

    /** Checks the fields. */
    public Heredoc {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(content, "content");
    }
}
