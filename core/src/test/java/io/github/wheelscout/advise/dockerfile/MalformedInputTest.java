package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad Dockerfiles are reported, never thrown on. */
class MalformedInputTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "FROM", "FROM \n", "COPY\n", "FROM a\nCOPY --from= x\n",
        "FROM a\nRUN pip install -r\n", "FROM a\nRUN pip install \"unclosed\n", "FROM a\nRUN pip install 'x\n",
        "FROM ${\n", "FROM ${A:-${B:-${C\n", "FROM a\nRUN $(\n", "FROM a\nRUN `pip install x\n",
        "FROM a\nRUN [\"pip\", \"install\"\n", "FROM a\nRUN [\"pip\", 1]\n", "FROM a\nRUN --mount=\n",
        "FROM a\nRUN --mount=type=bind pip install -r x\n", "FROM a\nWORKDIR\n", "FROM a\nENV\n",
        "FROM a\nARG =x\n", "FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN pip install x\n", "FROM a\nRUN <<\n",
        "FROM a\nRUN pip install --index-url\n", "FROM a\nRUN pip -\n", "FROM a\nRUN cd && pip install -r x\n",
        "FROM a\nCOPY <<EOF\n", "FROM a AS b\nFROM b AS b\nCOPY --from=b x y\n", "FROM a\nRUN python -m\n",
        "FROM a\nRUN uv\n", "FROM a\nRUN 2>&1 > \n", "FROM a\nRUN pip install \\\\\n", "\uFEFF\r\n\r"})
    void edgeCasesAreReadWithoutExceptions(String text) {
        assertThatCode(() -> {
            DockerfileLexer.lex(text);
            DockerfileReader.read(text);
            DockerfileGrammar.check(text);
        }).doesNotThrowAnyException();
    }

    @Test
    void randomDockerfileLikeTextIsReadWithoutExceptions() {
        String[] pieces = {"FROM ", "RUN ", "COPY ", "ADD ", "ARG ", "ENV ", "WORKDIR ", "SHELL ", "pip ", "install ",
            "-r ", "--requirement=", "python -m pip ", "uv pip ", "sync ", "$", "${", "}", ":-", "\"", "'", "`", "\\",
            "\n", " ", "&&", ";", "|", "(", ")", "<<", "EOF", "=", "--from=", "--mount=type=bind,source=",
            ",target=", "/", ".", "*", "[", "]", "AS ", "a", "b", "req.txt", "#", "--no-binary ", ":all:", "cd "};
        Random random = new Random(20260727L);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThatCode(() -> {
                DockerfileReader.read(t);
                DockerfileGrammar.check(t);
            }).as("input %s", t).doesNotThrowAnyException();
        }
    }
}
