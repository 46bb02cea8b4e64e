package io.github.wheelscout.cli;

import io.github.wheelscout.filename.InvalidWheelFilenameException;
import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.tags.TagCompatibility;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wheelscout match TARGET}: for each wheel filename on standard input, whether the machine accepts it and
 * with which priority. Streams: one line is read, judged and written at a time.
 */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = {
            "Says, for each wheel filename on standard input, whether TARGET accepts it and how much it prefers it.",
            "Reads one filename per line (UTF-8; a trailing CR is dropped) and writes one line per input, in order:",
            "  filename<TAB>compatible|incompatible|invalid<TAB>priority[<TAB>why]",
            "priority is the index of the wheel's best tag in `wheelscout tags TARGET` (0 is best), -1 unless"
                    + " compatible. An invalid line never stops the rest.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line was a valid wheel filename",
            "2:bad usage, or some line was not a valid wheel filename (every line is still answered)",
        })
final class MatchCommand implements Callable<Integer> {

    private static final int FLUSH_AT = 1 << 16;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--why",
            description = "Add a fourth column: the matching tag (compatible), the stage and the explanation"
                    + " (incompatible: interpreter, abi or platform), or the parse error (invalid).")
    boolean why;

    @Override
    public Integer call() {
        Target machine = target.single();
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
        boolean anyInvalid = false;
        // Standard input is not ours to close.
        LineReader lines = new LineReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line; (line = lines.next()) != null; ) {
                buffer.append(line).append('\t');
                // tryParse: most inputs are valid, and an invalid one costs no exception unless --why wants its message.
                WheelFilename wheel = WheelFilename.tryParse(line).orElse(null);
                if (wheel == null) {
                    anyInvalid = true;
                    buffer.append("invalid\t-1");
                    if (why) {
                        buffer.append('\t').append(parseError(line));
                    }
                } else {
                    TagCompatibility result = machine.compatibility(wheel);
                    if (result.isCompatible()) {
                        buffer.append("compatible\t").append(result.priority());
                        if (why) {
                            buffer.append("\tmatches ").append(result.bestTag().orElseThrow());
                        }
                    } else {
                        buffer.append("incompatible\t-1");
                        if (why) {
                            buffer.append('\t').append(result.reason().word()).append(": ")
                                    .append(result.explanation());
                        }
                    }
                }
                buffer.append('\n');
                if (buffer.length() >= FLUSH_AT) {
                    out.append(buffer);
                    buffer.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        } finally {
            out.append(buffer);
            out.flush();
        }
        return anyInvalid ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private static String parseError(String line) {
        try {
            WheelFilename.parse(line);
            throw new IllegalStateException("tryParse and parse disagree on " + line);
        } catch (InvalidWheelFilenameException e) {
            return e.getMessage();
        }
    }

    /** Lines ending at {@code \n} only (a lone {@code \r} is part of a line; {@code \r\n} counts as {@code \n}). */
    static final class LineReader {
        private final Reader in;
        private final char[] chunk = new char[1 << 16];
        private int position;
        private int limit;
        private final StringBuilder partial = new StringBuilder();

        LineReader(Reader in) {
            this.in = in;
        }

        /** The next line without its terminator, or null at the end of input. */
        String next() throws IOException {
            partial.setLength(0);
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(chunk, 0, chunk.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? stripCr(partial.toString()) : null;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && chunk[position] != '\n') {
                    position++;
                }
                if (position < limit) {
                    String line;
                    if (partial.length() == 0) {
                        line = new String(chunk, start, position - start);
                    } else {
                        line = partial.append(chunk, start, position - start).toString();
                    }
                    position++; // the '\n'
                    return stripCr(line);
                }
                partial.append(chunk, start, position - start);
            }
        }

        private static String stripCr(String line) {
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
