package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileGrammarTest {

    @Test
    void aTypicalMultiStageDockerfileIsValid() {
        String text = """
                # syntax=docker/dockerfile:1
                ARG BASE=python:3.12-slim
                FROM ${BASE} AS build
                ENV A=1 B="two words"
                WORKDIR /src
                COPY --chown=app:app requirements.txt ./
                RUN --mount=type=cache,target=/tmp/pip-cache pip wheel -w /w -r requirements.txt
                FROM python:3.12-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                COPY --from=build /w /w
                RUN --mount=type=bind,from=build,source=/w,target=/w pip install /w/*.whl
                LABEL org.opencontainers.image.title="x"
                EXPOSE 8000 9000/udp
                USER 1000:1000
                HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost"]
                CMD ["python", "-m", "app"]
                """;
        assertThat(DockerfileGrammar.check(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "FROM python:3.12\\nFROB x|unknown instruction 'FROB'",
        "FROM python:3.12\\nrun x|instruction 'run' is not in upper case",
        "RUN x\\nFROM python:3.12|RUN before the first FROM",
        "FROM Python:3.12|not a valid image reference: 'Python:3.12'",
        "FROM python:3.12 AS a b|FROM takes an image and an optional 'AS name'",
        "FROM python:3.12 AS Build|not a valid stage name: 'Build'",
        "FROM a AS x\\nFROM b AS x|stage name 'x' is used twice",
        "FROM python:$V|FROM uses $V, which is not an ARG declared before the first FROM",
        "FROM a\\nCOPY --form=b x y|COPY does not take the flag --form",
        "FROM a\\nCOPY --from=nowhere! x y|COPY --from=nowhere! is neither an earlier stage nor an image",
        "FROM a\\nCOPY x|COPY needs at least one source and a destination",
        "FROM a\\nRUN --mount=type=bind,source=x pip|--mount type=bind needs a target",
        "FROM a\\nRUN --mount=type=bind,target=/x,size=1 pip|--mount type=bind does not take 'size'",
        "FROM a\\nRUN --network=bridge x|RUN --network must be default, none or host",
        "FROM a\\nCMD [\"x\", ]|CMD starts a JSON array that is not valid",
        "FROM a\\nWORKDIR /a /b|WORKDIR takes exactly one argument",
        "FROM a\\nUSER a b|USER takes user[:group]",
        "FROM a\\nENV A 1|ENV NAME value (without '=') is deprecated",
        "FROM a\\nEXPOSE http|not a port: 'http'",
        "FROM a\\nSHELL /bin/sh -c|SHELL takes a non-empty JSON array",
        "FROM a\\nMAINTAINER me|MAINTAINER is deprecated",
        "FROM a\\nARG 1X=2|not a valid ARG name: '1X'",
        "FROM a\\nRUN x \\\\|ends with a line continuation",
        "ARG A|no FROM instruction",
    })
    void violationsAreNamedWithTheirLine(String text, String message) {
        String dockerfile = text.replace("\\n", "\n") + "\n";
        assertThat(DockerfileGrammar.check(dockerfile)).extracting(DockerfileGrammar.Violation::message)
                .anySatisfy(m -> assertThat(m).contains(message));
    }

    @Test
    void violationsCarryTheLine() {
        assertThat(DockerfileGrammar.check("FROM a\n\nUSER\n")).singleElement()
                .satisfies(v -> assertThat(v.line()).isEqualTo(3));
    }
}
