package io.github.wheelscout.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.tags.ImagePreset;
import io.github.wheelscout.tags.ImagePresets;
import org.junit.jupiter.api.Test;

class ImageVariantsTest {

    @Test
    void theNewestStablePythonIsTheNewestFinalReleaseInTheTable() {
        String newest = ImageVariants.newestStablePython();
        assertThat(newest).isEqualTo("3.14"); // the table has 3.15.0rc1, which is not stable
        for (ImagePreset p : ImagePresets.all()) {
            if (p.reference().startsWith("python:") && p.pythonFull().matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
                assertThat(compare(p.python(), newest)).as(p.reference()).isLessThanOrEqualTo(0);
            }
        }
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    @Test
    void theOfficialVariantsAreSlimAlpineAndFull() {
        assertThat(ImageVariants.official("3.12")).containsExactly("python:3.12-slim", "python:3.12-alpine",
                "python:3.12");
        assertThatThrownBy(() -> ImageVariants.official("3")).hasMessageContaining("X.Y").hasMessageContaining("'3'");
        assertThatThrownBy(() -> ImageVariants.official("2.1")).hasMessageContaining("no python:2.1 image");
    }

    @Test
    void pinningNamesThePythonReleaseAndTheSystem() {
        String alpine = ImageVariants.pinned("python:3.12-alpine");
        ImagePreset moving = ImagePresets.find("python:3.12-alpine").orElseThrow();
        assertThat(alpine).isEqualTo("python:" + moving.pythonFull() + "-alpine" + moving.os().substring(7));
        assertThat(ImagePresets.find(alpine)).hasValueSatisfying(p -> assertThat(p.os()).isEqualTo(moving.os()));
        String slim = ImageVariants.pinned("python:3.13-slim");
        assertThat(slim).startsWith("python:3.13.").endsWith("-slim-trixie");
        assertThat(ImageVariants.pinned("docker.io/library/python:3.13-slim")).isEqualTo(slim);
        assertThat(ImageVariants.pinned(slim)).isEqualTo(slim);
        assertThat(ImageVariants.pinned("python:3.12")).endsWith("-trixie").doesNotContain("slim");
        assertThat(ImageVariants.pinned("alpine:3.19")).isEqualTo("alpine:3.19");
        assertThat(ImageVariants.pinned("unknown/image:1")).isEqualTo("unknown/image:1");
    }
}
