package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the library example of README.md, so that the README stays true. */
class ReadmeExampleTest {

    private static final String MARKER = "<!-- readme-example: library -->";

    @TempDir
    Path tmp;

    @Test
    void the_library_example_compiles_and_prints_verdicts_for_both_images() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        int marker = readme.indexOf(MARKER);
        assertThat(marker).as("README.md has the marked library example").isPositive();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        String source = readme.substring(start, readme.indexOf("```", start));
        Path file = tmp.resolve("Example.java");
        Files.writeString(file, source);

        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-classpath", classpath, "-d", tmp.toString(), file.toString());
        assertThat(compiled).as("javac exit code").isZero();

        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", tmp + File.pathSeparator + classpath, "Example"))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("duckdb==1.4.4 on python:3.12-alpine: source-build 1.4.4")
                .contains("duckdb==1.4.4 on python:3.12-slim: wheel 1.4.4")
                .contains("black==26.5.1 on python:3.12-alpine: pure-wheel 26.5.1");
    }

    @Test
    void the_readme_shows_the_real_output_of_the_main_job() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md").toAbsolutePath().normalize());
        assertThat(readme).contains("python:3.12-alpine: 9 wheels; 6 builds from source: duckdb, pyarrow, shapely,"
                + " psutil, numpy, psycopg2; 1 cannot install: onnxruntime;");
    }

    @Test
    void the_readme_shows_the_real_output_of_advise_on_the_demo_file(@TempDir Path scratch) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md").toAbsolutePath().normalize());
        String marker = "<!-- readme-output: advise -->\n```\n";
        int start = readme.indexOf(marker);
        assertThat(start).as("README.md has the marked advise output").isPositive();
        start += marker.length();
        String shown = readme.substring(start, readme.indexOf("```", start));
        CliRun run = CliRun.run("advise", "-r", "../fixtures/demo/requirements.txt", "--index-url",
                io.github.wheelscout.fixtures.Fixtures.mirrorFolder(scratch).toString(), "--no-cache", "--python",
                "3.12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().replace("../fixtures/", "fixtures/")).isEqualTo(shown);
    }
}
