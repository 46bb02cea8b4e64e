package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchitectureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "x86_64, x86_64", "amd64, x86_64", "linux/amd64, x86_64", "AMD64, x86_64",
        "aarch64, aarch64", "arm64, aarch64", "linux/arm64, aarch64", "linux/arm64/v8, aarch64", "arm64v8, aarch64",
        "arm/v7, armv7l", "linux/arm/v7, armv7l", "arm32v7, armv7l", "armv7l, armv7l",
        "linux/arm/v6, armv6l", "arm32v6, armv6l", "armv6l, armv6l",
        "arm32v5, armv5tel", "linux/386, i686", "386, i686", "i386, i686", "i686, i686",
        "ppc64le, ppc64le", "ppc64el, ppc64le", "s390x, s390x", "riscv64, riscv64", "ppc64, ppc64",
        "loong64, loongarch64", "loongarch64, loongarch64", "mips64le, mips64", "armv8l, armv8l",
        "sparc64, sparc64",
    })
    void readsPlatformTagWordsAndDockerNames(String input, String expected) {
        assertThat(Architecture.parse(input).name()).isEqualTo(expected);
    }

    @Test
    void rejectsWhatIsNoArchitecture() {
        assertThatThrownBy(() -> Architecture.parse("arm/v9!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arm/v9!'");
        assertThatThrownBy(() -> Architecture.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsManylinuxFloorsAndTheArmv8lPair() {
        assertThat(Architecture.parse("armv8l").platformArchs()).containsExactly("armv8l", "armv7l");
        assertThat(Architecture.X86_64.manylinuxFloorMinor()).isEqualTo(5);
        assertThat(Architecture.AARCH64.manylinuxFloorMinor()).isEqualTo(17);
        assertThat(Architecture.parse("armv6l").hasManylinux()).isFalse();
        assertThat(Architecture.parse("loongarch64").hasManylinux()).isTrue();
        assertThat(Architecture.parse("arm/v7").dockerPlatform()).isEqualTo("linux/arm/v7");
    }
}
