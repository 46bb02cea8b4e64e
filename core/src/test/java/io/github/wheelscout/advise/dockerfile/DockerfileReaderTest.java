package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileReaderTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DockerfileReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PipCommand onlyPip(DockerfileReport r) {
        assertThat(r.pipStages()).hasSize(1);
        assertThat(r.pipStages().get(0).pipCommands()).hasSize(1);
        return r.pipStages().get(0).pipCommands().get(0);
    }

    @Test
    void aMultiStageDockerfileWithArgParameterisedFromLinesResolvesEachStage() throws IOException {
        DockerfileReport r = DockerfileReader.read(resource("multistage-args.Dockerfile"));
        assertThat(r.directives()).containsEntry("syntax", "docker/dockerfile:1.7");
        assertThat(r.globalArgs()).containsEntry("PYTHON_VERSION", Optional.of("3.12"))
                .containsEntry("RUNTIME_IMAGE", Optional.of("python:3.12-slim-bookworm"))
                .containsEntry("REGISTRY", Optional.empty());
        assertThat(r.stages()).extracting(Stage::label).containsExactly("wheels", "runtime", "test", "mirror");

        Stage wheels = r.stage("wheels").orElseThrow();
        assertThat(wheels.line()).isEqualTo(8);
        assertThat(wheels.from()).isEqualTo("python:${PYTHON_VERSION}-alpine3.20");
        assertThat(wheels.image()).contains("python:3.12-alpine3.20");
        PipCommand wheel = wheels.pipCommands().get(0);
        assertThat(wheel.action()).isEqualTo(PipCommand.Action.WHEEL);
        assertThat(wheel.line()).isEqualTo(11);
        assertThat(wheel.requirementFiles()).singleElement().satisfies(f -> {
            assertThat(f.imagePath()).contains("/src/requirements/base.txt");
            assertThat(f.contextCandidates()).containsExactly("requirements/base.txt");
            assertThat(f.origin()).isEqualTo("COPY at line 10");
        });
        assertThat(wheel.constraintFiles()).singleElement().extracting(RequirementFile::contextPath)
                .isEqualTo(Optional.of("requirements/constraints.txt"));

        Stage runtime = r.stage("runtime").orElseThrow();
        assertThat(runtime.image()).contains("python:3.12-slim-bookworm");
        assertThat(runtime.pipCommands()).hasSize(2);
        PipCommand fromWheels = runtime.pipCommands().get(0);
        assertThat(fromWheels.localPaths()).containsExactly("/tmp/wheels/*.whl");
        assertThat(fromWheels.noIndex()).isTrue();
        assertThat(fromWheels.findLinks()).containsExactly("/tmp/wheels");
        assertThat(fromWheels.wheelSource()).contains(wheel);
        assertThat(fromWheels.environment()).containsEntry("PIP_ONLY_BINARY", ":all:");
        PipCommand inline = runtime.pipCommands().get(1);
        assertThat(inline.requirements()).containsExactly("gunicorn==22.0.0", "uvicorn[standard]>=0.30");

        Stage test = r.stage("test").orElseThrow();
        assertThat(test.image()).isEmpty();
        assertThat(test.parent()).contains(1);
        assertThat(test.rootImage()).contains("python:3.12-slim-bookworm");
        PipCommand dev = test.pipCommands().get(0);
        assertThat(dev.requirementFiles()).singleElement().satisfies(f -> {
            assertThat(f.imagePath()).contains("/srv/app/requirements-dev.txt");
            assertThat(f.contextCandidates()).containsExactly("requirements-dev.txt");
        });
        assertThat(dev.noBinary()).containsExactly("coverage");
        assertThat(dev.environment()).containsEntry("PIP_ONLY_BINARY", ":all:");

        Stage mirror = r.stage("mirror").orElseThrow();
        assertThat(mirror.image()).isEmpty();
        assertThat(r.unfollowed()).extracting(Unfollowed::line).containsExactly(31, 32);
        assertThat(r.unfollowed().get(0).reason()).contains("ARG REGISTRY (line 6)").contains("--build-arg");
        assertThat(r.unfollowed().get(1).reason()).contains("/requirements.txt is not copied from the build context");
    }

    @Test
    void buildArgumentsOverrideDefaults() throws IOException {
        DockerfileReport r = DockerfileReader.read(resource("multistage-args.Dockerfile"),
                Map.of("PYTHON_VERSION", "3.13", "REGISTRY", "mirror.example:5000", "DISTRO", "slim"));
        assertThat(r.stage("wheels").orElseThrow().image()).contains("python:3.13-alpine3.20");
        assertThat(r.stage("runtime").orElseThrow().image()).contains("python:3.13-slim");
        assertThat(r.stage("mirror").orElseThrow().image()).contains("mirror.example:5000/python:3.13-slim");
        assertThat(r.unfollowed()).extracting(Unfollowed::line).containsExactly(32);
    }

    @Test
    void anArgWithoutDefaultInFromIsReportedWithItsLine() {
        DockerfileReport r = DockerfileReader.read("ARG BASE\nFROM ${BASE}\nRUN pip install flask\n");
        assertThat(r.stages().get(0).image()).isEmpty();
        assertThat(r.unfollowed()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(2);
            assertThat(u.reason()).contains("ARG BASE (line 1), which has no default");
            assertThat(u.instruction()).isEqualTo("FROM ${BASE}");
        });
        // the installs are still read
        assertThat(r.stages().get(0).pipCommands().get(0).requirements()).containsExactly("flask");
    }

    @Test
    void anArgDeclaredOnlyInsideAStageCannotBeUsedInFrom() {
        DockerfileReport r = DockerfileReader.read("FROM python:3.12\nARG V=3.11\nFROM python:$V-slim\n");
        assertThat(r.stages().get(1).image()).isEmpty();
        assertThat(r.unfollowed()).singleElement().extracting(Unfollowed::reason).asString()
                .contains("V, which is not an ARG declared before the first FROM");
    }

    @Test
    void defaultFormsAndPlatformArgumentsAreExpanded() {
        String text = "ARG TAG\nFROM --platform=$TARGETPLATFORM python:${TAG:-3.12-slim} AS a\n";
        DockerfileReport r = DockerfileReader.read(text);
        assertThat(r.stages().get(0).image()).contains("python:3.12-slim");
        assertThat(r.stages().get(0).platform()).isEmpty();
        assertThat(r.unfollowed()).singleElement().extracting(Unfollowed::reason).asString()
                .contains("TARGETPLATFORM, which the builder sets");
        DockerfileReport withPlatform = DockerfileReader.read(text, Map.of("TARGETPLATFORM", "linux/arm64"));
        assertThat(withPlatform.stages().get(0).platform()).contains("linux/arm64");
        assertThat(withPlatform.unfollowed()).isEmpty();
    }

    @Test
    void instructionsBeforeTheFirstFromAreReported() {
        DockerfileReport r = DockerfileReader.read("RUN pip install x\nFROM python:3.12\n");
        assertThat(r.unfollowed()).singleElement().satisfies(u -> assertThat(u.line()).isEqualTo(1));
    }

    @Test
    void pipIsFoundUnderEveryNameAndInChains() {
        String text = """
                FROM python:3.12-slim
                WORKDIR /app
                COPY . .
                RUN set -eux; \\
                    apt-get update && python3 -m pip install -U pip \\
                    && /usr/local/bin/pip3.12 install --requirement=a.txt \\
                    && PIP_NO_BINARY=lxml pip install -rb.txt \\
                    && uv pip install --system -r c.txt \\
                    && uv pip sync d.txt \\
                    && pip-sync e.txt \\
                    && python -m pip download x && pip freeze > frozen.txt
                RUN ["pip", "install", "-r", "f.txt"]
                RUN ["/bin/sh", "-c", "pip install -r g.txt"]
                """;
        DockerfileReport r = DockerfileReader.read(text);
        List<PipCommand> pips = r.stages().get(0).pipCommands();
        assertThat(pips).extracting(PipCommand::tool).containsExactly(PipCommand.Tool.PIP, PipCommand.Tool.PIP,
                PipCommand.Tool.PIP, PipCommand.Tool.UV, PipCommand.Tool.UV, PipCommand.Tool.PIP_TOOLS,
                PipCommand.Tool.PIP, PipCommand.Tool.PIP);
        assertThat(pips).extracting(PipCommand::action).containsExactly(PipCommand.Action.INSTALL,
                PipCommand.Action.INSTALL, PipCommand.Action.INSTALL, PipCommand.Action.INSTALL,
                PipCommand.Action.SYNC, PipCommand.Action.SYNC, PipCommand.Action.INSTALL, PipCommand.Action.INSTALL);
        assertThat(pips.get(0).requirements()).containsExactly("pip");
        assertThat(pips.subList(1, 8)).flatExtracting(PipCommand::requirementFiles)
                .extracting(f -> f.contextPath().orElseThrow())
                .containsExactly("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt");
        assertThat(pips.get(2).environment()).containsEntry("PIP_NO_BINARY", "lxml");
        assertThat(pips.get(3).environment()).doesNotContainKey("PIP_NO_BINARY");
        assertThat(r.unfollowed()).isEmpty();
    }

    @Test
    void theWorkingDirectoryFollowsWorkdirAndCd() {
        String text = """
                FROM python:3.12-slim
                WORKDIR /srv
                WORKDIR app
                COPY requirements.txt /usr/src/reqs/
                RUN cd /usr/src/reqs && pip install -r requirements.txt && cd .. && pip install -r reqs/requirements.txt
                RUN pip install -r ../app/other.txt
                """;
        DockerfileReport r = DockerfileReader.read(text);
        List<PipCommand> pips = r.stages().get(0).pipCommands();
        assertThat(pips.get(0).requirementFiles().get(0).imagePath()).contains("/usr/src/reqs/requirements.txt");
        assertThat(pips.get(0).requirementFiles().get(0).contextCandidates()).containsExactly("requirements.txt");
        assertThat(pips.get(1).requirementFiles().get(0).contextCandidates()).containsExactly("requirements.txt");
        assertThat(pips.get(2).requirementFiles().get(0).imagePath()).contains("/srv/app/other.txt");
        assertThat(r.unfollowed()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(6);
            assertThat(u.reason()).contains("/srv/app/other.txt is not copied from the build context");
        });
    }

    @Test
    void filesAreTracedThroughDirectoryCopiesGlobsStagesMountsAndHeredocs() {
        String text = """
                FROM python:3.12-slim AS deps
                COPY requirements*.txt /deps/
                COPY config/ /etc/app/
                FROM deps AS build
                COPY --from=deps /deps/requirements-prod.txt /build/prod.txt
                COPY <<EOF /build/inline.txt
                requests==2.32.3
                EOF
                RUN --mount=type=bind,source=locks,target=/locks \\
                    pip install -r /build/prod.txt -r /build/inline.txt -r /locks/a.txt -r /etc/app/reqs.txt \\
                    -r /deps/requirements.txt
                """;
        DockerfileReport r = DockerfileReader.read(text);
        List<RequirementFile> files = r.stage("build").orElseThrow().pipCommands().get(0).requirementFiles();
        assertThat(files).hasSize(5);
        assertThat(files.get(0).contextCandidates()).containsExactly("requirements-prod.txt");
        assertThat(files.get(0).origin()).contains("COPY at line 5 from stage deps");
        assertThat(files.get(1).content()).contains("requests==2.32.3\n");
        assertThat(files.get(1).origin()).isEqualTo("here-document of COPY at line 6");
        assertThat(files.get(2).contextCandidates()).containsExactly("locks/a.txt");
        assertThat(files.get(2).origin()).isEqualTo("bind mount at line 9");
        assertThat(files.get(3).contextCandidates()).containsExactly("config/reqs.txt");
        assertThat(files.get(4).contextCandidates()).containsExactly("requirements.txt");
        assertThat(r.unfollowed()).isEmpty();
    }

    @Test
    void aLaterCopyThatMayHaveOverwrittenTheFileComesFirst() {
        String text = """
                FROM python:3.12-slim
                WORKDIR /app
                COPY requirements.txt .
                COPY src .
                RUN pip install -r requirements.txt
                """;
        RequirementFile f = onlyPip(DockerfileReader.read(text)).requirementFiles().get(0);
        // if src is a directory holding a requirements.txt, that one is installed
        assertThat(f.contextCandidates()).containsExactly("src/requirements.txt", "requirements.txt");
    }

    @Test
    void variablesFromEnvAndArgAreExpandedInPipArguments() {
        String text = """
                FROM python:3.12-slim
                ARG REQS=requirements/prod.txt
                ENV EXTRA_INDEX=https://pkgs.example/simple
                COPY requirements requirements
                RUN pip install -r "$REQS" --extra-index-url ${EXTRA_INDEX} numpy==${NUMPY:-1.26.4}
                """;
        PipCommand p = onlyPip(DockerfileReader.read(text));
        assertThat(p.requirementFiles().get(0).contextCandidates()).containsExactly("requirements/prod.txt");
        assertThat(p.extraIndexUrls()).containsExactly("https://pkgs.example/simple");
        assertThat(p.requirements()).containsExactly("numpy==1.26.4");
    }

    @Test
    void whatTheShellComputesIsReportedNotGuessed() {
        String text = """
                FROM python:3.12-slim
                RUN pip install $PACKAGES \\
                    && pip install $(cat list.txt) \\
                    && for p in a b; do pip install "$p"; done \\
                    && pip install -r "$REQ_FILE"
                """;
        DockerfileReport r = DockerfileReader.read(text);
        assertThat(r.unfollowed()).hasSize(4).allSatisfy(u -> assertThat(u.line()).isEqualTo(2));
        assertThat(r.unfollowed()).extracting(Unfollowed::reason).anySatisfy(s -> assertThat(s)
                .contains("unset variable PACKAGES")).anySatisfy(s -> assertThat(s).contains("command substitution"))
                .anySatisfy(s -> assertThat(s).contains("$REQ_FILE"));
    }

    @Test
    void shellVariablesSetEarlierInTheRunAreUsed() {
        String text = "FROM python:3.12-slim\nCOPY . /app\nRUN REQ=/app/req.txt; export V=2.0; pip install -r $REQ"
                + " pkg==$V\n";
        PipCommand p = onlyPip(DockerfileReader.read(text));
        assertThat(p.requirementFiles().get(0).contextCandidates()).containsExactly("req.txt");
        assertThat(p.requirements()).containsExactly("pkg==2.0");
    }

    @Test
    void localProjectsEditablesAndOtherInstallersAreReported() {
        String text = """
                FROM python:3.12-slim
                COPY . /app
                WORKDIR /app
                RUN pip install . && pip install -e ./lib && poetry install --no-root && pip install ./dist/app.whl
                """;
        DockerfileReport r = DockerfileReader.read(text);
        PipCommand first = r.stages().get(0).pipCommands().get(0);
        assertThat(first.localPaths()).containsExactly(".");
        assertThat(r.unfollowed()).extracting(Unfollowed::reason).containsExactly(
                "pip installs the local path .: what it contains is not followed",
                "editable install of ./lib: its dependencies are not followed",
                "'poetry install' installs Python packages another way: not followed",
                "pip installs the local path ./dist/app.whl: what it contains is not followed");
    }

    @Test
    void binaryOptionsAreCollected() {
        String text = "FROM python:3.12-slim\nRUN pip install --only-binary=:all: --no-binary numpy,scipy --pre"
                + " --prefer-binary -i https://mirror.example/simple x\n";
        PipCommand p = onlyPip(DockerfileReader.read(text));
        assertThat(p.onlyBinary()).containsExactly(":all:");
        assertThat(p.noBinary()).containsExactly("numpy", "scipy");
        assertThat(p.pre()).isTrue();
        assertThat(p.preferBinary()).isTrue();
        assertThat(p.indexUrl()).contains("https://mirror.example/simple");
        assertThat(p.requirements()).containsExactly("x");
    }

    @Test
    void anUnknownPipOptionIsReported() {
        DockerfileReport r = DockerfileReader.read("FROM python:3.12-slim\nRUN pip install --frobnicate x\n");
        assertThat(r.unfollowed()).singleElement().extracting(Unfollowed::reason).asString()
                .contains("unknown pip option --frobnicate");
    }

    @Test
    void aRunHeredocScriptIsRead() {
        String text = """
                FROM python:3.12-slim
                RUN <<EOF
                set -e
                pip install "django>=5"
                EOF
                RUN python3 <<EOF
                import subprocess; subprocess.run(["pip", "install", "x"])
                EOF
                """;
        DockerfileReport r = DockerfileReader.read(text);
        assertThat(r.stages().get(0).pipCommands()).singleElement().extracting(PipCommand::requirements)
                .isEqualTo(List.of("django>=5"));
        assertThat(r.unfollowed()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(6);
            assertThat(u.reason()).contains("here-document fed to 'python3'");
        });
    }

    @Test
    void aPipConfigurationFileCopiedInIsReported() {
        DockerfileReport r = DockerfileReader.read("FROM python:3.12-slim\nCOPY pip.conf /etc/pip.conf\n");
        assertThat(r.unfollowed()).singleElement().extracting(Unfollowed::reason).asString().contains("pip.conf");
    }

    @Test
    void theBacktickEscapeDirectiveIsHonoured() {
        String text = "# escape=`\nFROM python:3.12-slim\nRUN pip install `\n    flask\n";
        PipCommand p = onlyPip(DockerfileReader.read(text));
        assertThat(p.requirements()).containsExactly("flask");
    }

    @Test
    void anUnclosedContinuationIsReportedAndTheRestKept() {
        DockerfileReport r = DockerfileReader.read("FROM python:3.12-slim\nRUN pip install flask \\\n");
        assertThat(r.unfollowed()).singleElement().satisfies(u -> assertThat(u.line()).isEqualTo(2));
        assertThat(onlyPip(r).requirements()).containsExactly("flask");
    }

    @Test
    void scratchAndStageReferencesHaveNoImage() {
        DockerfileReport r = DockerfileReader.read("FROM scratch AS empty\nFROM EMPTY\n");
        assertThat(r.stages().get(0).image()).isEmpty();
        assertThat(r.stages().get(1).parent()).contains(0);
        assertThat(r.unfollowed()).isEmpty();
    }
}
