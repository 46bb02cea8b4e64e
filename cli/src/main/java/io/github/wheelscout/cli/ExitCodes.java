package io.github.wheelscout.cli;

/** The process exit codes every wheelscout command uses; the README and {@code --help} list them. */
public final class ExitCodes {

    /** The command did its job and found nothing to fail on. */
    public static final int OK = 0;
    /** The command did its job and found what it was asked to fail on (a source build, a regression, not found). */
    public static final int FOUND = 1;
    /** Bad usage or bad input: an unknown option or image, an unreadable file, a bad requirements line. */
    public static final int USAGE = 2;
    /** An index failed, so some result is unknown: never reported as a success. */
    public static final int INDEX_ERROR = 3;
    /** A bug in wheelscout: the stack trace is printed. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
