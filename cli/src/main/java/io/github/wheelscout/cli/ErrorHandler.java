package io.github.wheelscout.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into a one-line message and an exit code: bad input (an
 * {@link IllegalArgumentException}, a file that cannot be read) is {@link ExitCodes#USAGE}; an index failure
 * that a command did not handle is {@link ExitCodes#INDEX_ERROR}; anything else is a bug and keeps its stack
 * trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println("wheelscout: error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            err.println("wheelscout: error: " + cause.getMessage());
            err.flush();
            return ExitCodes.INDEX_ERROR;
        }
        err.println("wheelscout: internal error (please report it):");
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
