package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        "openssl-dev>3, openssl-dev, >3, false",
        "libxml2-dev~2.13, libxml2-dev, ~2.13, false",
        "py3-setuptools, py3-setuptools, '', false",
        "!py3-aiohttp, py3-aiohttp, '', true",
        "cmd:zstdcat, cmd:zstdcat, '', false",
        "foo>=1.2, foo, >=1.2, false",
    })
    void apkDependenciesSplitNameAndConstraint(String entry, String name, String constraint, boolean conflict) {
        ApkDependency d = ApkDependency.parse(entry);
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.constraint()).isEqualTo(constraint);
        assertThat(d.conflict()).isEqualTo(conflict);
        assertThat(d).hasToString(entry);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {">3", "!", ""})
    void anApkDependencyWithoutNameIsAnError(String entry) {
        assertThatThrownBy(() -> ApkDependency.parse(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void alpineReleasesParseAndOrder() {
        assertThat(AlpineRelease.parse("3.20")).isEqualTo(new AlpineRelease(3, 20));
        assertThat(AlpineRelease.parse("v3.9")).hasToString("3.9");
        assertThat(AlpineRelease.parse("3.20.3")).hasToString("3.20");
        assertThat(AlpineRelease.parse("edge").isEdge()).isTrue();
        assertThat(List.of(AlpineRelease.EDGE, AlpineRelease.parse("3.20"), AlpineRelease.parse("3.9")).stream()
                .sorted().map(AlpineRelease::toString)).containsExactly("3.9", "3.20", "edge");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3", "3.x", "latest", "3.20.1.1", "3..1", "-3.1"})
    void aBadAlpineReleaseIsAnErrorNamingIt(String text) {
        assertThatThrownBy(() -> AlpineRelease.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "none", value = {
        "APK, 1.25.2-r0, 1.25.2",
        "APK, 2024.04-r0, 2024.04",
        "APK, 1.0_rc1-r2, 1.0rc1",
        "APK, 3.1_alpha2-r0, 3.1a2",
        "APK, 0.8.4_p1-r5, 0.8.4.post1",
        "APK, 0.1_git20240101-r0, none",
        "APT, 1:1.24.2-1+deb12u1, 1.24.2",
        "APT, 4.9.2-1+b1, 4.9.2",
        "APT, 2.3.1+dfsg-5, 2.3.1",
        "APT, 2.12.7+dfsg+really2.9.14-0.1, 2.9.14",
        "APT, 1.0~rc1-2, 1.0rc1",
        "APT, 0~20171227-0.3+deb12u1, none",
        "APT, 6.0-3+b2, 6.0",
    })
    void distributionVersionsGiveTheUpstreamVersionOrNothing(PackageManager manager, String version,
            String upstream) {
        DistroPackage p = new DistroPackage(manager, "x", version, "main", "test");
        assertThat(p.upstreamVersion().orElse(null)).isEqualTo(upstream);
    }

    @Test
    void installCommandsAreWhatAUserTypes() {
        assertThat(PackageManager.APK.installCommand(List.of("build-base", "libpq-dev")))
                .isEqualTo("apk add --no-cache build-base libpq-dev");
        assertThat(PackageManager.APT.installCommand(List.of("libpq5")))
                .isEqualTo("apt-get install -y --no-install-recommends libpq5");
        assertThat(PackageManager.APT.installCommand(List.of())).isEmpty();
    }

    @Test
    void compiledReadsTheDataSpelling() {
        assertThat(Compiled.parse("yes")).isEqualTo(Compiled.YES);
        assertThat(Compiled.UNKNOWN).hasToString("unknown");
        assertThatThrownBy(() -> Compiled.parse("maybe")).hasMessageContaining("'maybe'");
    }
}
