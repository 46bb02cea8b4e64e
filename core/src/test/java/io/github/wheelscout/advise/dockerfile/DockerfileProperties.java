package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.testing.Hostile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Dockerfile reader, lexer and grammar check over near-valid Dockerfiles (the golden files' lines mutated and
 * shuffled) and pathological ones: a report, never an exception, a hang or a stack overflow.
 */
class DockerfileProperties {

    private static final List<String> LINES = goldenLines();

    private static List<String> goldenLines() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("golden/alpine-distro-python.Dockerfile", "golden/alpine-source-builds.Dockerfile",
                "golden/bookworm-runtime-library.Dockerfile", "golden/debian-distro-lxml.Dockerfile",
                "golden/slim-all-wheels.Dockerfile", "multistage-args.Dockerfile")) {
            try (InputStream in = DockerfileProperties.class.getResourceAsStream(name)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lines.addAll(List.of("# syntax=docker/dockerfile:1", "# escape=`", "ARG PY=3.12", "FROM python:${PY}-slim AS b",
                "RUN --mount=type=bind,source=req.txt,target=/r.txt pip install -r /r.txt",
                "COPY --from=b /app /app", "RUN <<EOF", "pip install numpy", "EOF", "RUN [\"pip\", \"install\", \"x\"]",
                "WORKDIR /app", "RUN cd sub && pip install -r requirements.txt", "SHELL [\"/bin/bash\", \"-c\"]"));
        return lines;
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> line = Arbitraries.oneOf(Hostile.mutationsOf(LINES), Arbitraries.of(LINES),
                Hostile.syntaxStrings(20));
        return line.list().ofMaxSize(14).map(ls -> String.join("\n", ls));
    }

    @Property
    void anyTextIsReadIntoAReport(@ForAll("dockerfiles") String text) {
        DockerfileReport report = DockerfileReader.read(text, Map.of("PY", "3.11"));
        assertThat(report.stages()).isNotNull();
        DockerfileLexer.Result lexed = DockerfileLexer.lex(text);
        assertThat(lexed.instructions()).isNotNull();
        for (DockerfileGrammar.Violation v : DockerfileGrammar.check(text)) {
            assertThat(v.line()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathologicalDockerfilesAreReadWithoutStackOverflowOrHang() {
        List<String> texts = List.of(
                "FROM python:3.12\nRUN pip install \\\n" + "  x \\\n".repeat(20_000) + "  y\n",
                "FROM python:3.12\nRUN <<EOF\n" + "pip install x\n".repeat(20_000),
                "FROM python:3.12\nRUN pip install " + "a".repeat(1_000_000) + "\n",
                "FROM python:3.12\nRUN [" + "[".repeat(100_000) + "\"x\"" + "]".repeat(100_001) + "\n",
                "FROM python:3.12\nRUN [\"pip\", " + "\"x\", ".repeat(50_000) + "\"y\"]\n",
                "FROM a AS a\nFROM b AS b\nCOPY --from=a / /\nFROM a\n",
                "\u0000\ufeff\r\n".repeat(20_000),
                "FROM python:3.12\nRUN " + "$(".repeat(50_000) + "pip install x" + ")".repeat(50_000) + "\n");
        for (String text : texts) {
            assertThat(DockerfileReader.read(text)).isNotNull();
            assertThat(DockerfileGrammar.check(text)).isNotNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nestedVariableDefaultsAreFollowed32DeepThenReported() {
        // Used to recurse once per level (a stack overflow at 50,000) and copy the rest each time (quadratic).
        String deep = "ARG A=${B:-" + "${C:-".repeat(50_000) + "x" + "}".repeat(50_001) + "\nFROM python:$A\n";
        assertThat(DockerfileReader.read(deep).stages()).hasSize(1);
        Variables.Word word = Variables.word("${B:-" + "${C:-".repeat(50_000) + "x" + "}".repeat(50_001),
                name -> java.util.Optional.empty(), '\\');
        assertThat(word.unsupported()).containsExactly("${...} nested more than 32 deep");
        String shallow = "ARG A=${B:-" + "${C:-".repeat(30) + "3.12-slim" + "}".repeat(31) + "\nFROM python:$A\n";
        assertThat(DockerfileReader.read(shallow).stages().get(0).image()).contains("python:3.12-slim");
    }

    @Test
    void anArgOrEnvWhoseValueCannotBeExpandedIsUnknownNotEmpty() {
        // ${B#x} is not followed: the ARG used to become "" silently, and FROM python:3.12$A read as python:3.12.
        DockerfileReport global = DockerfileReader.read("ARG A=${B#x}\nFROM python:3.12$A\n");
        assertThat(global.stages().get(0).image()).isEmpty();
        assertThat(global.unfollowed()).extracting(Unfollowed::line).contains(1, 2);
        DockerfileReport stage = DockerfileReader.read(
                "FROM python:3.12\nARG V=${B%x}\nENV W=${B/x/y}\nRUN pip install x==$V y==$W\n");
        assertThat(stage.unfollowed()).extracting(Unfollowed::line).contains(2, 3, 4);
        assertThat(DockerfileReader.read("ARG A=${B:-3.12}\nFROM python:$A-slim\n").stages().get(0).image())
                .contains("python:3.12-slim");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aGeneratedDockerfileIsReadUpTo2000InstructionsThenReported() {
        // 3,000 chained stages each copying from the one before: tracing was quadratic in stages (minutes).
        DockerfileReport report = DockerfileReader.read(chainedStages(3_000));
        assertThat(report.stages()).hasSize(667);
        List<Unfollowed> cut = report.unfollowed().stream()
                .filter(u -> u.reason().contains("more than 2000 instructions")).toList();
        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).line()).isEqualTo(2001);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWorkingDirectoryLongerThanPathMaxIsNotKnown() {
        // Each cd re-read the whole path: quadratic in the number of cds (a timeout at 50,000).
        DockerfileReport report = DockerfileReader.read(
                "FROM python:3.12\nCOPY r.txt /r.txt\nRUN " + "cd a && ".repeat(50_000) + "pip install -r r.txt\n");
        assertThat(report.unfollowed().stream().filter(u -> u.reason().contains("not known"))).hasSize(1);
    }

    private static String chainedStages(int n) {
        StringBuilder out = new StringBuilder("FROM python:3.12 AS s0\nRUN pip install x\n");
        for (int i = 1; i < n; i++) {
            out.append("FROM s").append(i - 1).append(" AS s").append(i).append("\nCOPY --from=s").append(i - 1)
                    .append(" /r.txt /r.txt\nRUN pip install -r /r.txt\n");
        }
        return out.toString();
    }
}
