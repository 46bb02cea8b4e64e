package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.tags.Target;
import org.junit.jupiter.api.Test;

class TagsCommandTest {

    private static String expected(Target target) {
        StringBuilder s = new StringBuilder();
        for (Tag tag : target.supportedTags()) {
            s.append(tag).append('\n');
        }
        return s.toString();
    }

    @Test
    void printsAnImagesTagsMostPreferredFirst() {
        CliRun run = CliRun.run("tags", "--image", "python:3.12-alpine");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("cp312-cp312-linux_x86_64\ncp312-cp312-musllinux_1_2_x86_64\n")
                .endsWith("py31-none-any\npy30-none-any\n");
        assertThat(run.out()).isEqualTo(expected(Target.parse("cp312-musl1.2-x86_64")));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void takesTheImagesArchitecture() {
        CliRun run = CliRun.run("tags", "--image", "python:3.12-slim", "--arch", "linux/arm64");
        assertThat(run.out()).isEqualTo(expected(Target.parse("cp312-glibc2.41-aarch64")));
        CliRun docker = CliRun.run("tags", "--image", "python:3.12-slim", "--platform", "linux/arm64");
        assertThat(docker.out()).isEqualTo(run.out());
    }

    @Test
    void printsAnExplicitMachinesTags() {
        CliRun run = CliRun.run("tags", "--python", "3.13t", "--platform", "manylinux_2_36_aarch64");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(expected(Target.parse("cp313t-glibc2.36-aarch64")));
        CliRun pypy = CliRun.run("tags", "--python", "3.11", "--platform", "manylinux_2_36_x86_64", "--impl", "pp");
        assertThat(pypy.out()).startsWith("pp311-pypy311_pp73-linux_x86_64\n").contains("\npp3-none-any\n");
        CliRun pi = CliRun.run("tags", "--python", "3.11", "--platform", "linux_armv6l");
        assertThat(pi.out()).startsWith("cp311-cp311-linux_armv6l\ncp311-abi3-linux_armv6l\n")
                .doesNotContain("manylinux");
    }

    @Test
    void anUnknownImageIsBadInputThatListsTheKnownPatterns() {
        CliRun run = CliRun.run("tags", "--image", "python:3.12-alpine9");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("'python:3.12-alpine9'").contains("known images");
    }

    @Test
    void badCombinationsAreUsageErrors() {
        assertThat(CliRun.run("tags").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("tags").err()).contains("no target");
        assertThat(CliRun.run("tags", "--python", "3.12").err()).contains("--platform");
        assertThat(CliRun.run("tags", "--platform", "musllinux_1_2_x86_64").err()).contains("--python");
        assertThat(CliRun.run("tags", "--arch", "arm64").err()).contains("--arch applies to --image");
        assertThat(CliRun.run("tags", "--python", "3.12", "--platform", "linux/arm64").err())
                .contains("--arch linux/arm64");
        CliRun two = CliRun.run("tags", "--image", "python:3.12-slim", "--image", "python:3.12-alpine");
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("one target").contains("python:3.12-alpine");
        CliRun badPython = CliRun.run("tags", "--python", "3.x", "--platform", "manylinux_2_17_x86_64");
        assertThat(badPython.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPython.err()).contains("'3.x'");
        CliRun badArch = CliRun.run("tags", "--image", "public.ecr.aws/lambda/python:3.12", "--arch", "s390x");
        assertThat(badArch.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badArch.err()).contains("not published for linux/s390x");
    }
}
