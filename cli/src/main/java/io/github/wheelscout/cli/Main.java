package io.github.wheelscout.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wheelscout} command: what pip would install for each requirement on each container image. */
@Command(
        name = "wheelscout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts, without Docker, whether pip installs each requirement from a wheel or builds it"
                + " from source on a given image (python:3.12-alpine, python:3.12-slim, ...).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, nothing to fail on",
            "1:something the command fails on was found (a source build, a regression, not found)",
            "2:bad usage or input",
            "3:an index error left a result unknown",
            "70:internal error (a bug: please report it)",
        })
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            TagsCommand.class,
            MatchCommand.class,
            FilesCommand.class,
            RequirementsCommand.class,
            CheckCommand.class,
            ExplainCommand.class,
            GateCommand.class,
            AdviseCommand.class,
            DockerfileCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    private Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment the commands read ({@code PIP_INDEX_URL}, proxies, ...): the process's, or a test's. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The environment of the run {@code spec} belongs to: the process's, or the one a test gave {@link #run}. */
    static Map<String, String> environmentOf(CommandLine.Model.CommandSpec spec) {
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof Main main ? main.environment() : System.getenv();
    }

    /** Runs wheelscout with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: filenames and requirements are Unicode, and so are the reports.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs wheelscout with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs wheelscout with {@code args} in the environment {@code env} (for tests); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = commandLine(env, args.length > 0 ? args[0] : null);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured picocli command line, for tests and for the documentation generator. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The configured picocli command line reading the environment {@code env}. */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: with only that subcommand when it names
     * one, else with all of them. picocli builds a command's model by reflection when it is added, a good part of
     * a short run's start-up, and a run uses one subcommand.
     */
    private static CommandLine commandLine(Map<String, String> env, String first) {
        CommandLine cli = new CommandLine(new Main(env));
        Class<?> named = null;
        for (Class<?> command : SUBCOMMANDS) {
            if (command != CommandLine.HelpCommand.class && names(command).contains(first)) {
                named = command;
            }
        }
        for (Class<?> command : named != null ? List.<Class<?>>of(named) : SUBCOMMANDS) {
            cli.addSubcommand(command);
        }
        // after the subcommands: picocli gives a setting to the subcommands present when it is set
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
