package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void derivesTheAbiAsPackagingDoes() {
        assertThat(Target.fromPlatform("3.12", "manylinux_2_36_x86_64", null, null).abi()).isEqualTo("cp312");
        assertThat(Target.fromPlatform("3.14t", "manylinux_2_36_x86_64", null, null).abi()).isEqualTo("cp314t");
        assertThat(Target.fromPlatform("3.10", "manylinux_2_36_x86_64", "pp", null).abi()).isEqualTo("pypy310_pp73");
        assertThat(Target.fromPlatform("3.11", "manylinux_2_36_x86_64", "pypy", null).interpreter())
                .isEqualTo("pp311");
        assertThat(Target.fromPlatform("3.12", "manylinux_2_36_x86_64", "graalpy", null).abi())
                .isEqualTo("graalpy250_312_native");
    }

    @Test
    void readsLegacyAndLinuxPlatformsAsMachines() {
        Target t = Target.fromPlatform("3.9", "manylinux2014_x86_64", null, null);
        assertThat(t.libc()).contains(Libc.glibc(2, 17));
        assertThat(t.platform()).isEqualTo("manylinux_2_17_x86_64");
        Target pi = Target.fromPlatform("3.11", "linux_armv6l", null, null);
        assertThat(pi.libc()).isEmpty();
        assertThat(pi.platforms()).containsExactly("linux_armv6l");
        assertThat(pi.id()).isEqualTo("cp311-linux-armv6l");
        assertThat(Target.parse("cp311-linux-armv6l")).isEqualTo(pi);
    }

    @Test
    void anExplicitFreeThreadedAbiMakesTheTargetFreeThreaded() {
        Target t = Target.fromPlatform("3.13", "manylinux_2_41_x86_64", "cp", "cp313t");
        assertThat(t.freeThreaded()).isTrue();
        assertThat(t.supportedTags()).isEqualTo(Target.parse("cp313t-glibc2.41-x86_64").supportedTags());
    }

    @Test
    void anExplicitAbiReplacesTheDerivedOne() {
        Target t = Target.fromPlatform("3.12", "musllinux_1_2_x86_64", "cp", "cp312d");
        assertThat(t.supportedTags().get(0)).isEqualTo(Tag.parse("cp312-cp312d-linux_x86_64"));
        assertThat(t.supports(Tag.parse("cp312-cp312-musllinux_1_2_x86_64"))).isFalse();
        assertThat(t.supports(Tag.parse("cp312-abi3-musllinux_1_2_x86_64"))).isTrue();
    }

    @Test
    void rejectsWhatNoMachineIs() {
        assertThatThrownBy(() -> Target.fromPlatform("3.7", "manylinux_2_17_x86_64", null, null))
                .hasMessageContaining("'3.7'");
        assertThatThrownBy(() -> Target.fromPlatform("2.7", "manylinux_2_17_x86_64", null, null))
                .hasMessageContaining("'2.7'");
        assertThatThrownBy(() -> Target.fromPlatform("3.12t", "manylinux_2_17_x86_64", null, null))
                .hasMessageContaining("3.13");
        assertThatThrownBy(() -> Target.fromPlatform("three", "manylinux_2_17_x86_64", null, null))
                .hasMessageContaining("'three'");
        assertThatThrownBy(() -> Target.fromPlatform("3.12", "win_amd64", null, null))
                .hasMessageContaining("'win_amd64'");
        assertThatThrownBy(() -> Target.fromPlatform("3.12", "any", null, null)).hasMessageContaining("'any'");
        assertThatThrownBy(() -> Target.fromPlatform("3.13t", "manylinux_2_17_x86_64", "pp", null))
                .hasMessageContaining("CPython");
        assertThatThrownBy(() -> Target.fromPlatform("3.13t", "manylinux_2_17_x86_64", null, "cp313"))
                .hasMessageContaining("free-threaded");
        assertThatThrownBy(() -> Target.fromPlatform("3.10", "manylinux_2_17_x86_64", "graalpy", null))
                .hasMessageContaining("--abi");
        assertThatThrownBy(() -> Target.fromPlatform("3.12", "manylinux_2_17_x86_64", null, "cp3-12"))
                .hasMessageContaining("'cp3-12'");
        assertThatThrownBy(() -> Target.parse("cp312_musl1.2_x86_64")).hasMessageContaining("cp312_musl1.2_x86_64");
        assertThatThrownBy(() -> Target.builder().python("3.12").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGenericImplementationWithAGivenAbi() {
        Target t = Target.builder().python("3.10").implementation("pyston").abi("pyston_23").libc(Libc.glibc(2, 31))
                .arch("x86_64").build();
        assertThat(t.supportedTags().get(0)).isEqualTo(Tag.parse("pyston310-pyston_23-linux_x86_64"));
        assertThat(t.supports(Tag.parse("pyston310-none-manylinux1_x86_64"))).isTrue();
        // No <interp>-none-any for an implementation packaging has no short name for.
        assertThat(t.supports(Tag.parse("pyston310-none-any"))).isFalse();
        assertThat(t.supports(Tag.parse("py3-none-any"))).isTrue();
    }

    @Test
    void describesItsMarkerEnvironment() {
        Target t = Target.fromPlatform("3.12", "musllinux_1_2_aarch64", null, null);
        assertThat(t.markerEnvironment()).containsOnly(
                entry("implementation_name", "cpython"),
                entry("implementation_version", "3.12.0"),
                entry("os_name", "posix"),
                entry("platform_machine", "aarch64"),
                entry("platform_release", ""),
                entry("platform_system", "Linux"),
                entry("platform_version", ""),
                entry("python_full_version", "3.12.0"),
                entry("platform_python_implementation", "CPython"),
                entry("python_version", "3.12"),
                entry("sys_platform", "linux"));
        Target rc = Target.builder().python("3.15.0rc1").libc(Libc.glibc(2, 41)).arch("x86_64").build();
        assertThat(rc.markerEnvironment()).containsEntry("python_full_version", "3.15.0rc1")
                .containsEntry("implementation_version", "3.15.0c1").containsEntry("python_version", "3.15");
        Target pypy = Target.fromPlatform("3.11", "manylinux_2_36_x86_64", "pp", null);
        assertThat(pypy.markerEnvironment()).containsEntry("implementation_name", "pypy")
                .containsEntry("implementation_version", "7.3.0")
                .containsEntry("platform_python_implementation", "PyPy");
        Target graal = Target.fromPlatform("3.11", "manylinux_2_35_x86_64", "graalpy", null);
        assertThat(graal.markerEnvironment()).containsEntry("implementation_name", "graalpy")
                .containsEntry("implementation_version", "24.2.0")
                .containsEntry("platform_python_implementation", "GraalVM");
    }

    @Test
    void namesItself() {
        Target t = Target.fromPlatform("3.13t", "manylinux_2_41_aarch64", null, null);
        assertThat(t.id()).isEqualTo("cp313t-glibc2.41-aarch64");
        assertThat(t.displayName()).isEqualTo(t.id());
        assertThat(t).hasToString("cp313t-glibc2.41-aarch64");
        assertThat(t.imageReference()).isEmpty();
    }

    @Test
    void preferencesFollowTheListOrder() {
        Target t = Target.parse("cp312-glibc2.36-x86_64");
        List<Tag> tags = t.supportedTags();
        assertThat(tags.get(0)).isEqualTo(Tag.parse("cp312-cp312-linux_x86_64"));
        assertThat(t.priority(Tag.parse("cp312-cp312-manylinux_2_17_x86_64")))
                .isLessThan(t.priority(Tag.parse("cp312-abi3-manylinux_2_36_x86_64")));
        assertThat(t.priority(Tag.parse("py3-none-any"))).isEqualTo(tags.size() - 13);
        assertThat(t.priority(Tag.parse("cp312-cp312-musllinux_1_2_x86_64"))).isEqualTo(-1);
    }
}
