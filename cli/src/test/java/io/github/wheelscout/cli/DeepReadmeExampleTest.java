package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the resolver example of README.md's "Deep resolution", so that it stays true. */
class DeepReadmeExampleTest {

    private static final String MARKER = "<!-- readme-example: deep -->";

    @TempDir
    Path tmp;

    @Test
    void the_resolver_example_compiles_and_prints_the_whole_install_of_pandas() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        int marker = readme.indexOf(MARKER);
        assertThat(marker).as("README.md has the marked resolver example").isPositive();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        Path file = tmp.resolve("DeepExample.java");
        Files.writeString(file, readme.substring(start, readme.indexOf("```", start)));

        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-classpath", classpath, "-d", tmp.toString(), file.toString()))
                .as("javac exit code").isZero();

        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstdout.encoding=UTF-8", "-cp", tmp + File.pathSeparator + classpath, "DeepExample"))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("pandas 2.3.3 via , dependencies KNOWN")
                .contains("numpy 2.4.6 via pandas → numpy, dependencies KNOWN")
                .contains("six 1.17.0 via pandas → python-dateutil → six, dependencies KNOWN");
    }
}
