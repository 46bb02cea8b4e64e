package io.github.wheelscout.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main#run} in-process with a given standard input, capturing both outputs. */
record CliRun(int exitCode, String out, String err) {

    static synchronized CliRun withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    static CliRun run(String... args) {
        return withStdin("", args);
    }
}
