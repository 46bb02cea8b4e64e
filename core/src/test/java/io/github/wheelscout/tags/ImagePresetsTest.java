package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePresetsTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "python:3.12-alpine, cp312-musl1.2-x86_64",
        "python:3.12-alpine3.20, cp312-musl1.2-x86_64",
        "python:3.12-slim, cp312-glibc2.41-x86_64",
        "python:3.12, cp312-glibc2.41-x86_64",
        "python:3.12-slim-bookworm, cp312-glibc2.36-x86_64",
        "python:3.12-bookworm, cp312-glibc2.36-x86_64",
        "python:3.13-trixie, cp313-glibc2.41-x86_64",
        "python:3.13-slim-trixie, cp313-glibc2.41-x86_64",
        "python:3.10-bullseye, cp310-glibc2.31-x86_64",
        "python:3.12.4-slim, cp312-glibc2.36-x86_64",
        "python:3.8-alpine3.12, cp38-musl1.1-x86_64",
        "pypy:3.11, pp311-glibc2.41-x86_64",
        "pypy:3.10-slim, pp310-glibc2.36-x86_64",
        "public.ecr.aws/lambda/python:3.12, cp312-glibc2.34-x86_64",
        "amazon/aws-lambda-python:3.11, cp311-glibc2.26-x86_64",
        "gcr.io/distroless/python3-debian12, cp311-glibc2.36-x86_64",
        "gcr.io/distroless/python3-debian12:nonroot, cp311-glibc2.36-x86_64",
        "ubuntu:22.04, cp310-glibc2.35-x86_64",
        "ubuntu:24.04, cp312-glibc2.39-x86_64",
        "alpine:3.20, cp312-musl1.2-x86_64",
        "debian:bookworm-slim, cp311-glibc2.36-x86_64",
        "docker.io/library/python:3.12-alpine, cp312-musl1.2-x86_64",
        "library/python:3.12-alpine, cp312-musl1.2-x86_64",
        "index.docker.io/library/python:3.11-slim, cp311-glibc2.41-x86_64",
        "docker.io/amazon/aws-lambda-python:3.12, cp312-glibc2.34-x86_64",
    })
    void knowsTheImage(String image, String id) {
        assertThat(Target.forImage(image).id()).isEqualTo(id);
    }

    @Test
    void thePresetIsTheMachineOfTheVectors() {
        Target image = Target.forImage("python:3.12-alpine");
        assertThat(image.supportedTags()).isEqualTo(Target.parse("cp312-musl1.2-x86_64").supportedTags());
        assertThat(image.displayName()).isEqualTo("python:3.12-alpine");
        assertThat(image.imageReference()).contains("python:3.12-alpine");
        assertThat(image.image().orElseThrow().os()).isEqualTo("alpine 3.24");
        assertThat(image.image().orElseThrow().source()).contains("docker-library/official-images");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "aarch64, arm64", "aarch64, linux/arm64", "aarch64, aarch64", "x86_64, amd64", "x86_64, linux/amd64",
        "armv7l, arm/v7", "armv7l, linux/arm/v7", "i686, 386", "armv6l, linux/arm/v6", "ppc64le, ppc64le",
        "s390x, linux/s390x", "riscv64, riscv64", "armv8l, armv8l",
    })
    void takesTheArchitectureInEveryForm(String expected, String given) {
        Target t = Target.forImage("python:3.13-alpine", given);
        assertThat(t.arch().name()).isEqualTo(expected);
        assertThat(t.supportedTags().get(0).platform()).isEqualTo("linux_" + expected);
    }

    @Test
    void showsTheArchitectureAndDigestInTheName() {
        assertThat(Target.forImage("python:3.12-slim", "arm64").displayName())
                .isEqualTo("python:3.12-slim (linux/arm64)");
        assertThat(Target.forImage("arm64v8/python:3.12-slim").arch()).isEqualTo(Architecture.AARCH64);
        assertThat(Target.forImage("python:3.12-slim@" + DIGEST).displayName())
                .isEqualTo("python:3.12-slim@" + DIGEST);
        assertThat(Target.forImage("python").imageReference()).contains("python:latest");
    }

    @Test
    void fillsTheMarkerEnvironmentFromTheImage() {
        assertThat(Target.forImage("python:3.12.4-slim").markerEnvironment())
                .containsEntry("python_full_version", "3.12.4").containsEntry("implementation_version", "3.12.4");
        assertThat(Target.forImage("pypy:3.11").markerEnvironment())
                .containsEntry("implementation_version", "7.3.23").containsEntry("python_full_version", "3.11.0");
        assertThat(Target.forImage("python:3.15-rc").markerEnvironment())
                .containsEntry("python_full_version", "3.15.0rc1").containsEntry("implementation_version", "3.15.0c1");
        assertThat(Target.forImage("public.ecr.aws/lambda/python:3.12", "arm64").markerEnvironment())
                .containsEntry("python_full_version", "3.12.0").containsEntry("platform_machine", "aarch64");
    }

    @Test
    void anUnknownImageNamesTheInputAndTheKnownPatterns() {
        assertThatThrownBy(() -> Target.forImage("python:3.12-alpine3.99"))
                .isInstanceOf(UnknownImageException.class)
                .hasMessageContaining("'python:3.12-alpine3.99'")
                .hasMessageContaining("python:3.12-alpine3.")
                .hasMessageContaining("pypy:X.Y")
                .hasMessageContaining("public.ecr.aws/lambda/python:X.Y");
        assertThatThrownBy(() -> Target.forImage("nginx:1.27"))
                .isInstanceOf(UnknownImageException.class)
                .hasMessageContaining("'nginx:1.27'").hasMessageContaining("no image of repository 'nginx'");
    }

    @Test
    void explainsWhyAKnownImageIsNoTarget() {
        assertThatThrownBy(() -> Target.forImage("public.ecr.aws/lambda/python:3.12", "arm/v7"))
                .hasMessageContaining("not published for linux/arm/v7")
                .hasMessageContaining("linux/arm64");
        assertThatThrownBy(() -> Target.forImage("ubuntu:26.04"))
                .hasMessageContaining("Python version of ubuntu:26.04 (ubuntu 26.04) is not known")
                .hasMessageContaining("--platform manylinux_2_43_x86_64");
        assertThatThrownBy(() -> Target.forImage("alpine:3.10")).hasMessageContaining("Python 3.7");
        assertThatThrownBy(() -> Target.forImage("python@" + DIGEST)).hasMessageContaining("no tag");
        assertThatThrownBy(() -> Target.forImage("python:3.12@sha256:xyz")).hasMessageContaining("not a digest");
        assertThatThrownBy(() -> Target.forImage("arm64v8/python:3.12", "amd64")).hasMessageContaining("arm64v8");
        assertThatThrownBy(() -> Target.forImage("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCompleteRowIsATargetOnEveryArchitectureItIsPublishedFor() {
        List<ImagePreset> all = ImagePresets.all();
        assertThat(all).hasSizeGreaterThan(2700);
        int targets = 0;
        for (ImagePreset p : all) {
            assertThat(p.source()).as("source of %s", p.reference()).isNotBlank();
            assertThat(ImagePresets.find(p.reference())).contains(p);
            boolean complete = !p.python().isEmpty() && !p.libcVersion().isEmpty()
                    && !p.python().equals("3.7");
            for (Architecture arch : p.architectures()) {
                if (complete) {
                    Target t = Target.forImage(p.reference(), arch.name());
                    assertThat(t.pythonVersion()).isEqualTo(p.python());
                    assertThat(t.libc()).isEqualTo(p.libc());
                    targets++;
                } else {
                    assertThatThrownBy(() -> Target.forImage(p.reference(), arch.name()))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(p.reference());
                }
            }
        }
        assertThat(targets).isGreaterThan(10_000);
    }

    @Test
    void findingOneRowGivesWhatTheWholeTableHolds() {
        // find() searches the table's text for one row; all() builds every row: they must agree on every image.
        for (ImagePreset preset : ImagePresets.all()) {
            assertThat(ImagePresets.find(preset.reference())).as(preset.reference()).contains(preset);
        }
        assertThat(ImagePresets.find("python:3.12-slim\tx")).isEmpty();
        assertThat(ImagePresets.find("python:3.99-nonexistent")).isEmpty();
    }
}
