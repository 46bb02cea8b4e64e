package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.tags.Target;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchCommandTest {

    private static final String INPUT = String.join("\n",
            "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl",
            "requests-2.32.3-py3-none-any.whl",
            "not-a-wheel.tar.gz",
            "numpy-2.1.0-cp311-cp311-musllinux_1_1_x86_64.whl") + "\n";

    @Test
    void answersEveryLineInOrder() {
        CliRun run = CliRun.withStdin(INPUT, "match", "--image", "python:3.12-alpine");
        assertThat(run.out()).isEqualTo(String.join("\n",
                "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl\tincompatible\t-1",
                "numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl\tcompatible\t1",
                "requests-2.32.3-py3-none-any.whl\tcompatible\t110",
                "not-a-wheel.tar.gz\tinvalid\t-1",
                "numpy-2.1.0-cp311-cp311-musllinux_1_1_x86_64.whl\tincompatible\t-1") + "\n");
        // An invalid line is bad input: reported at the end, after every answer.
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void explainsWithWhy() {
        CliRun run = CliRun.withStdin(INPUT, "match", "--image", "python:3.12-alpine", "--why");
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).endsWith("\tincompatible\t-1\tplatform: only manylinux wheels: needs glibc;"
                + " python:3.12-alpine has musl 1.2");
        assertThat(lines[1]).endsWith("\tcompatible\t1\tmatches cp312-cp312-musllinux_1_2_x86_64");
        assertThat(lines[3]).isEqualTo("not-a-wheel.tar.gz\tinvalid\t-1\t"
                + "Invalid wheel filename (extension must be '.whl'): 'not-a-wheel.tar.gz'");
        assertThat(lines[4]).contains("\tincompatible\t-1\tabi: built for CPython 3.11");
    }

    @Test
    void exitsZeroWhenEveryLineIsAWheel() {
        CliRun run = CliRun.withStdin("x-1.0-py3-none-any.whl\r\ny-2.0-cp313-cp313t-manylinux_2_17_x86_64.whl",
                "match", "--python", "3.13t", "--platform", "manylinux_2_36_x86_64");
        assertThat(run.exitCode()).isZero();
        int py3 = Target.fromPlatform("3.13t", "manylinux_2_36_x86_64", null, null)
                .priority(Tag.parse("py3-none-any"));
        assertThat(run.out()).isEqualTo("x-1.0-py3-none-any.whl\tcompatible\t" + py3 + "\n"
                + "y-2.0-cp313-cp313t-manylinux_2_17_x86_64.whl\tcompatible\t20\n");
    }

    @Test
    void keepsUnicodeAndEmptyLines() {
        CliRun run = CliRun.withStdin("\nnaïve-1.0-py3-none-any.whl\n", "match", "--image", "python:3.12-slim");
        assertThat(run.out()).isEqualTo("\tinvalid\t-1\nnaïve-1.0-py3-none-any.whl\tcompatible\t1109\n");
    }

    @Test
    void badTargetsAreUsageErrors() {
        CliRun run = CliRun.withStdin(INPUT, "match", "--image", "python:9.9");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown image 'python:9.9'");
    }

    @Test
    void splitsLinesAtLineFeedsAcrossChunks() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String line = "pkg" + i + "-1.0-py3-none-any.whl" + (i % 7 == 0 ? "\r" : "");
            // One CR before the LF is the line ending; a CR before that belongs to the line.
            expected.add(i % 3 == 0 ? line : line.replace("\r", ""));
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        text.append("last\rline");
        expected.add("last\rline");
        MatchCommand.LineReader reader = new MatchCommand.LineReader(new StringReader(text.toString()));
        List<String> lines = new ArrayList<>();
        for (String line; (line = reader.next()) != null; ) {
            lines.add(line);
        }
        assertThat(lines).isEqualTo(expected);
    }
}
