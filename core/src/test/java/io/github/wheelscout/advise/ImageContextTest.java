package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.advise.ImageContext.Os;
import io.github.wheelscout.advise.ImageContext.PythonSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageContextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        "python:3.12-alpine3.20, ALPINE, 3.20, IMAGE, false",
        "python:3.13-alpine, ALPINE, none, IMAGE, false",
        "python:3.12.4-alpine3.19, ALPINE, 3.19, IMAGE, false",
        "python:alpine3.24, ALPINE, 3.24, IMAGE, false",
        "python:3.13-slim, DEBIAN, none, IMAGE, false",
        "python:3.12-slim-bookworm, DEBIAN, bookworm, IMAGE, false",
        "python:3.13-trixie, DEBIAN, trixie, IMAGE, true",
        "python:3.12, DEBIAN, none, IMAGE, true",
        "python, DEBIAN, none, IMAGE, true",
        "docker.io/library/python:3.11-bookworm, DEBIAN, bookworm, IMAGE, true",
        "pypy:3.10-slim, DEBIAN, none, IMAGE, false",
        "alpine:3.19, ALPINE, 3.19, DISTRIBUTION, false",
        "alpine:3.20.3, ALPINE, 3.20, DISTRIBUTION, false",
        "alpine:edge, ALPINE, edge, DISTRIBUTION, false",
        "alpine, ALPINE, none, DISTRIBUTION, false",
        "debian:bookworm-slim, DEBIAN, bookworm, DISTRIBUTION, false",
        "debian:12, DEBIAN, bookworm, DISTRIBUTION, false",
        "debian:13-slim, DEBIAN, trixie, DISTRIBUTION, false",
        "ubuntu:24.04, UBUNTU, 24.04, DISTRIBUTION, false",
        "ubuntu:noble, UBUNTU, noble, DISTRIBUTION, false",
        "ubuntu:latest, UBUNTU, none, DISTRIBUTION, false",
    })
    void officialImagesAreRecognised(String reference, Os os, String release, PythonSource python, boolean full) {
        ImageContext c = ImageContext.parse(reference).orElseThrow();
        assertThat(c.os()).isEqualTo(os);
        assertThat(c.release().orElse(null)).isEqualTo(release);
        assertThat(c.python()).isEqualTo(python);
        assertThat(c.fullPythonImage()).isEqualTo(full);
        assertThat(c.packageManager()).isEqualTo(os == Os.ALPINE ? PackageManager.APK : PackageManager.APT);
        assertThat(c).hasToString(reference);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"node:20", "python:3.12-windowsservercore-ltsc2022", "ghcr.io/acme/python:3.12",
        "python:3.12-alpinex", "alpine:three", "", "python:3.12 slim"})
    void otherImagesGetNoAdvice(String reference) {
        assertThat(ImageContext.parse(reference)).isEmpty();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(nullValues = "none", value = {
        "python:3.13-alpine, alpine 3.24, ALPINE, 3.24, IMAGE, false",
        "python:3.13-slim, debian 13 (trixie) slim, DEBIAN, trixie, IMAGE, false",
        "python:3.13, debian 13 (trixie), DEBIAN, trixie, IMAGE, true",
        "debian:bookworm, debian 12 (bookworm), DEBIAN, bookworm, DISTRIBUTION, false",
        "ubuntu:24.04, ubuntu 24.04, UBUNTU, 24.04, DISTRIBUTION, false",
        "alpine:3.21, alpine 3.21, ALPINE, 3.21, DISTRIBUTION, false",
    })
    void imageTableRowsGiveTheRelease(String reference, String os, Os family, String release, PythonSource python,
            boolean full) {
        ImageContext c = ImageContext.of(reference, os).orElseThrow();
        assertThat(c.os()).isEqualTo(family);
        assertThat(c.release()).contains(release);
        assertThat(c.python()).isEqualTo(python);
        assertThat(c.fullPythonImage()).isEqualTo(full);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "gcr.io/distroless/python3-debian12, debian 12 (bookworm) distroless",
        "public.ecr.aws/lambda/python:3.12, amazonlinux 2023",
    })
    void imagesWithoutApkOrAptGetNoAdvice(String reference, String os) {
        assertThat(ImageContext.of(reference, os)).isEmpty();
    }
}
