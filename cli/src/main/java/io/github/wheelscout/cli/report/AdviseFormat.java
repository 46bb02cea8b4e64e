package io.github.wheelscout.cli.report;

/** The output formats of {@code advise}. */
public enum AdviseFormat {
    /** The comparison and recommendation for people, coloured on a terminal. */
    text,
    /** Everything as JSON ({@code "schema": 1}, documented in the README). */
    json,
    /** Tables fit for a pull-request comment. */
    markdown,
    /** One self-contained page (no network resources) to attach to a ticket. */
    html
}
