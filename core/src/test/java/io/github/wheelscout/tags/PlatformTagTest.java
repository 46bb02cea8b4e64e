package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTagTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "manylinux_2_17_x86_64, MANYLINUX, x86_64",
        "manylinux2014_aarch64, MANYLINUX, aarch64",
        "manylinux2010_i686, MANYLINUX, i686",
        "manylinux1_x86_64, MANYLINUX, x86_64",
        "manylinux_3_0_x86_64, MANYLINUX, x86_64",
        "musllinux_1_2_armv7l, MUSLLINUX, armv7l",
        "linux_armv6l, LINUX, armv6l",
        "linux_x86_64, LINUX, x86_64",
    })
    void modelsLinuxTags(String tag, PlatformTag.Family family, String arch) {
        PlatformTag parsed = PlatformTag.parse(tag);
        assertThat(parsed.family()).isEqualTo(family);
        assertThat(parsed.arch()).contains(arch);
        assertThat(parsed).hasToString(tag);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "macosx_11_0_arm64, MACOS",
        "macosx_10_9_universal2, MACOS",
        "win_amd64, WINDOWS",
        "win32, WINDOWS",
        "ios_13_0_arm64_iphoneos, IOS",
        "android_21_arm64_v8a, ANDROID",
        "pyodide_2024_0_wasm32, WEBASSEMBLY",
        "emscripten_3_1_58_wasm32, WEBASSEMBLY",
        "freebsd_14_0_amd64, OTHER",
        "manylinux_02_17_x86_64, OTHER",
        "manylinux_2_17, OTHER",
        "manylinux_2_x86_64, OTHER",
        "musllinux_1_2_, OTHER",
        "linux, OTHER",
        "manylinux2015_x86_64, OTHER",
    })
    void keepsEverythingElseAsOtherPlatforms(String tag, PlatformTag.Family family) {
        PlatformTag parsed = PlatformTag.parse(tag);
        assertThat(parsed).isInstanceOf(PlatformTag.Other.class);
        assertThat(parsed.family()).isEqualTo(family);
        assertThat(parsed.family().isLinux()).isFalse();
        assertThat(parsed.arch()).isEmpty();
        assertThat(parsed).hasToString(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manylinux_2_5_x86_64", "manylinux_2_12_i686", "manylinux_2_17_s390x"})
    void pairsLegacyAliasesWithTheirTwins(String tag) {
        PlatformTag.Manylinux m = (PlatformTag.Manylinux) PlatformTag.parse(tag);
        PlatformTag.Manylinux twin = m.legacyTwin().orElseThrow();
        assertThat(twin.glibc()).isEqualTo(m.glibc());
        assertThat(PlatformTag.parse(twin.toString())).isEqualTo(twin);
    }
}
