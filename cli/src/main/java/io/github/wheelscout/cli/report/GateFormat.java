package io.github.wheelscout.cli.report;

/** The output formats of {@code gate}. */
public enum GateFormat {
    /** The changes for people, coloured on a terminal. */
    text,
    /** The full comparison as JSON ({@code "schema": 1}, documented in the README). */
    json,
    /** A Markdown report fit for a pull-request comment. */
    markdown,
    /** GitHub Actions workflow commands (annotations), and a Markdown step summary when the runner asks. */
    github,
    /** JUnit XML: one test case per requirement and target. */
    junit
}
