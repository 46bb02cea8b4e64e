package io.github.wheelscout.requirement;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The marker environment of a Linux container's interpreter, for {@link Marker#evaluate(Map)}: what
 * packaging's {@code default_environment()} would report inside it, from facts known without running it.
 *
 * <p>{@code platform_release} and {@code platform_version} describe the kernel, which a container borrows from
 * whatever host runs it, so they cannot be known in advance: both are the empty string (what Python reports when
 * it cannot tell). Every version comparison with them is then false ({@code !=} included), {@code == ""} is true.
 */
public final class MarkerEnvironment {

    private MarkerEnvironment() {
    }

    /**
     * The environment of a Linux interpreter.
     *
     * @param implementation {@code sys.implementation.name}: {@code cpython}, {@code pypy}, {@code graalpy}, ...
     * @param pythonFullVersion the language version, {@code 3.12.4} (or {@code 3.13.0rc1})
     * @param implementationVersion the implementation's own version ({@code 7.3.17} for PyPy; for CPython the
     *     same as {@code pythonFullVersion})
     * @param machine {@code platform.machine()}: {@code x86_64}, {@code aarch64}, {@code i686}, {@code armv7l}, ...
     */
    public static Map<String, String> linux(String implementation, String pythonFullVersion,
            String implementationVersion, String machine) {
        Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
        String name = implementation.toLowerCase(Locale.ROOT);
        String[] parts = pythonFullVersion.split("\\.", 3);
        String pythonVersion = parts.length >= 2 ? parts[0] + "." + parts[1].replaceAll("\\D.*$", "")
                : pythonFullVersion;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("implementation_name", name);
        env.put("implementation_version", implementationVersion);
        env.put("os_name", "posix");
        env.put("platform_machine", machine);
        env.put("platform_release", "");
        env.put("platform_system", "Linux");
        env.put("platform_version", "");
        env.put("python_full_version", pythonFullVersion);
        env.put("platform_python_implementation", pythonImplementation(name));
        env.put("python_version", pythonVersion);
        env.put("sys_platform", "linux");
        return Map.copyOf(env);
    }

    /** {@code platform.python_implementation()} for an implementation name. */
    private static String pythonImplementation(String name) {
        switch (name) {
            case "cpython":
                return "CPython";
            case "pypy":
                return "PyPy";
            case "graalpy":
                return "GraalVM";
            case "ironpython":
                return "IronPython";
            case "jython":
                return "Jython";
            default:
                return name;
        }
    }
}
