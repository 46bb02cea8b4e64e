package io.github.wheelscout.requirement;

/** packaging's {@code ParserSyntaxError} text. */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    /**
     * The three lines packaging prints: {@code reason}, the source indented by four spaces, and a pointer line
     * of spaces up to {@code start}, {@code ~} up to {@code end} and a final {@code ^} (offsets in code points).
     */
    static String format(String reason, String source, int start, int end) {
        StringBuilder out = new StringBuilder(reason.length() + 2 * source.length() + 16);
        out.append(reason).append("\n    ").append(source).append("\n    ");
        out.append(" ".repeat(start)).append("~".repeat(Math.max(0, end - start))).append('^');
        return out.toString();
    }
}
