package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkerEnvironmentTest {

    @Test
    void describesALinuxCPython() {
        Map<String, String> env = MarkerEnvironment.linux("cpython", "3.12.4", "3.12.4", "aarch64");
        assertThat(env).containsEntry("python_version", "3.12").containsEntry("sys_platform", "linux")
                .containsEntry("platform_python_implementation", "CPython").containsEntry("os_name", "posix")
                .hasSize(11);
        assertThat(Marker.parse("python_version >= '3.9' and platform_machine == 'aarch64'").evaluate(env)).isTrue();
        assertThat(Marker.parse("sys_platform == 'win32'").evaluate(env)).isFalse();
    }

    @Test
    void leavesTheHostKernelUnknown() {
        Map<String, String> env = MarkerEnvironment.linux("pypy", "3.10.14", "7.3.17", "x86_64");
        assertThat(Marker.parse("platform_release >= '5.0'").evaluate(env)).isFalse();
        assertThat(Marker.parse("platform_release != '5.0'").evaluate(env)).isFalse();
        assertThat(Marker.parse("platform_version == ''").evaluate(env)).isTrue();
        assertThat(Marker.parse("implementation_name == 'pypy' and python_version == '3.10'").evaluate(env)).isTrue();
    }
}
