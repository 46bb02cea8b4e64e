package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a requirements file and its includes from somewhere else than the file system (a git revision). */
class RequirementsFileSourceTest {

    private static final Path ROOT = Path.of("/repo").toAbsolutePath();

    private static final Map<Path, String> FILES = Map.of(
            ROOT.resolve("app/requirements.txt"), "numpy==1.26.4\n-r ../common.txt\n-c constraints.txt\n",
            ROOT.resolve("common.txt"), "requests>=2.31\n-r missing.txt\n",
            ROOT.resolve("app/constraints.txt"), "urllib3<2\n");

    private static byte[] read(Path path) throws NoSuchFileException {
        String content = FILES.get(path.toAbsolutePath().normalize());
        if (content == null) {
            throw new NoSuchFileException(path.toString());
        }
        return content.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFileAndItsIncludesComeFromTheSourceAndAMissingIncludeIsAnErrorAsOnDisk() {
        Path top = ROOT.resolve("app/requirements.txt");

        RequirementsFile file = RequirementsFile.read(top, Map.of(), ROOT, RequirementsFileSourceTest::read);

        assertThat(file.requirements()).extracting(RequirementLine::text)
                .containsExactly("numpy==1.26.4", "requests>=2.31", "urllib3<2");
        assertThat(file.requirements().get(2).constraint()).isTrue();
        assertThat(file.requirements().get(1).origin().toString()).isEqualTo(ROOT.resolve("common.txt") + ":1");
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(ROOT.resolve("common.txt") + ":2");
            assertThat(e.message()).isEqualTo("Could not open requirements file: no such file: "
                    + ROOT.resolve("missing.txt"));
        });
    }
}
