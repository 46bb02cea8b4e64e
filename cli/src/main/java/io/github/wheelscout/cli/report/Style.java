package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.Verdict;
import picocli.CommandLine.Help.Ansi;

/**
 * Colours for the text output: on a terminal unless {@code NO_COLOR} is set (picocli's {@link Ansi#AUTO}
 * rules), never when piped.
 */
public final class Style {

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    /** Colours when stdout is a terminal and {@code NO_COLOR} is not set. */
    public static Style auto() {
        return new Style(Ansi.AUTO.enabled());
    }

    /** No colours. */
    public static Style plain() {
        return new Style(false);
    }

    /** Whether this style colours. */
    public boolean colours() {
        return colour;
    }

    /** {@code text} in the colour of {@code verdict}: green for wheels, yellow for builds, red for failures. */
    public String verdict(Verdict verdict, String text) {
        return switch (verdict) {
            case WHEEL, PURE_WHEEL -> paint("green", text);
            case SOURCE_BUILD -> paint("yellow", text);
            case NO_MATCH, NOT_FOUND -> paint("red", text);
            case ERROR -> paint("bold,red", text);
            case NOT_NEEDED, NOT_ANALYSED -> paint("faint", text);
        };
    }

    /** {@code text} in bold. */
    public String bold(String text) {
        return paint("bold", text);
    }

    /** {@code text} faint. */
    public String faint(String text) {
        return paint("faint", text);
    }

    private String paint(String styles, String text) {
        if (!colour || text.isEmpty()) {
            return text;
        }
        // Escape picocli's markup characters so that user text cannot inject styles.
        String safe = text.replace("@|", "@ |").replace("|@", "| @");
        return Ansi.ON.string("@|" + styles + " " + safe + "|@");
    }
}
