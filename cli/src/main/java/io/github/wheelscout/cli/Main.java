package io.github.wheelscout.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wheelscout} command: what pip would install for each requirement on each container image. */
@Command(
        name = "wheelscout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts, without Docker, whether pip installs each requirement from a wheel or builds it"
                + " from source on a given image (python:3.12-alpine, python:3.12-slim, ...).",
        subcommands = {
            CommandLine.HelpCommand.class,
            RequirementsCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, nothing to fail on",
            "1:something the command fails on was found (a source build, a regression, not found)",
            "2:bad usage or input",
            "3:an index error left a result unknown",
            "70:internal error (a bug: please report it)",
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs wheelscout with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs wheelscout with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured picocli command line, for tests and for the documentation generator. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
