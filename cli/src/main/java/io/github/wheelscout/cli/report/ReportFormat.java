package io.github.wheelscout.cli.report;

/** The output formats of {@code check}. */
public enum ReportFormat {
    /** An aligned table for people, coloured on a terminal. */
    text,
    /** The full report as JSON ({@code "schema": 1}, documented in the README). */
    json,
    /** A Markdown table fit for a pull-request comment. */
    markdown
}
