package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.requirement.RequirementsFileError;
import org.junit.jupiter.api.Test;

class PyprojectReaderTest {

    private static final String PYPROJECT = """
            [build-system]
            requires = ["hatchling"]

            [project]
            name = "demo"
            dependencies = [
                "requests>=2.31",
                'numpy>=1.26; python_version >= "3.9"',
            ]

            [project.optional-dependencies]
            socks = ["PySocks!=1.5.7,>=1.5.6"]
            dev = [
              "pytest[testing] @ https://h/pytest-8.0.0-py3-none-any.whl",
            ]

            [dependency-groups]
            test = ["coverage", {include-group = "lint"}]
            lint = ["ruff==0.6.*"]
            """;

    @Test
    void readsDependenciesExtrasAndGroupsWithTheirLines() {
        RequirementsFile file = PyprojectReader.parse(PYPROJECT, "pyproject.toml");
        assertThat(file.errors()).isEmpty();
        assertThat(file.requirements()).extracting(l -> l.origin() + " " + l.requirement().orElseThrow())
                .containsExactly(
                        "pyproject.toml:7 requests>=2.31",
                        "pyproject.toml:8 numpy>=1.26; python_version >= \"3.9\"",
                        "pyproject.toml:12 PySocks!=1.5.7,>=1.5.6",
                        "pyproject.toml:14 pytest[testing] @ https://h/pytest-8.0.0-py3-none-any.whl",
                        "pyproject.toml:18 coverage",
                        "pyproject.toml:19 ruff==0.6.*");
        assertThat(file.requirements().get(3).resolvableFromIndex()).isFalse();
    }

    @Test
    void reportsBadEntriesAndKeepsTheRest() {
        RequirementsFile file = PyprojectReader.parse("""
                [project]
                dependencies = ["good", "bad req", 3]

                [dependency-groups]
                a = [{include-group = "b"}]
                b = [{include-group = "a"}, {include-group = "missing"}]
                """, "pyproject.toml");
        assertThat(file.requirements()).extracting(RequirementLine::name).containsExactly("good");
        assertThat(file.errors()).extracting(RequirementsFileError::toString).containsExactly(
                "pyproject.toml:2:30: Invalid requirement: 'bad req': Expected semicolon (after name with no version"
                        + " specifier) or end",
                "pyproject.toml (project.dependencies[2]): must be a requirement string",
                "pyproject.toml (dependency-groups.a): dependency group 'a' includes itself (an include-group cycle)",
                "pyproject.toml (dependency-groups.b): include-group 'missing' names no dependency group",
                "pyproject.toml (dependency-groups.b): dependency group 'b' includes itself (an include-group cycle)");
    }

    @Test
    void reportsInvalidToml() {
        RequirementsFile file = PyprojectReader.parse("[project\ndependencies = []\n", "pyproject.toml");
        assertThat(file.requirements()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(1);
            assertThat(e.message()).startsWith("not valid TOML");
        });
    }
}
