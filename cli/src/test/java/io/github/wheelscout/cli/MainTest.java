package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The top-level command: a run naming a subcommand builds only that one's model, so what must still see them all
 * (the help, a typo's suggestions, the version) is checked here.
 */
class MainTest {

    private static final String[] ALL = {"tags", "match", "files", "requirements", "check", "explain", "gate",
        "advise", "dockerfile"};

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: wheelscout [-hV] [COMMAND]").contains("Exit codes:");
        for (String name : ALL) {
            assertThat(run.out()).as(name).containsPattern("(?m)^  " + name + "\\b");
        }
    }

    @Test
    void helpOfOneSubcommandBothWays() {
        CliRun viaHelp = CliRun.run("help", "check");
        CliRun viaOption = CliRun.run("check", "--help");
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaOption.exitCode()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: wheelscout check ").isEqualTo(viaOption.out());
    }

    @Test
    void aMistypedSubcommandIsBadUsageWithASuggestion() {
        CliRun run = CliRun.run("chek", "-r", "requirements.txt");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched arguments from index 0: 'chek'").contains("Did you mean: wheelscout check");
    }

    @Test
    void versionAndNoArguments() {
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("wheelscout ");
        CliRun none = CliRun.run();
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("Usage: wheelscout [-hV] [COMMAND]");
    }
}
