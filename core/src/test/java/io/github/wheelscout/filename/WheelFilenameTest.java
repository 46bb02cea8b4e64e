package io.github.wheelscout.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.CompressedTagSet;
import io.github.wheelscout.tags.PlatformTag;
import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Wheel filenames beyond the shared vectors; expected values checked with packaging 26.3. */
class WheelFilenameTest {

    @Test
    void readsEveryPart() {
        WheelFilename wheel = WheelFilename.parse("Foo.Bar-1.0-1abc-cp39.cp310-abi3-manylinux_2_17_x86_64.whl");
        assertThat(wheel.name().value()).isEqualTo("foo-bar");
        assertThat(wheel.version().toString()).isEqualTo("1.0");
        assertThat(wheel.build()).isEqualTo(new BuildTag(BigInteger.ONE, "abc"));
        assertThat(wheel.tags()).containsExactlyInAnyOrder(
                Tag.parse("cp39-abi3-manylinux_2_17_x86_64"), Tag.parse("cp310-abi3-manylinux_2_17_x86_64"));
        assertThat(wheel.tags().interpreters()).containsExactly("cp39", "cp310");
        assertThat(wheel).hasToString("Foo.Bar-1.0-1abc-cp39.cp310-abi3-manylinux_2_17_x86_64.whl");
    }

    @Test
    void equalsTheSameFilenameBuiltFromItsParts() {
        String text = "Foo_Bar-2.0-cp312-cp312-manylinux_2_17_x86_64.whl";
        WheelFilename parsed = WheelFilename.parse(text);
        WheelFilename built = new WheelFilename(text, ProjectName.of("foo-bar"), Version.parse("2.0"), null,
                CompressedTagSet.parse("cp312-cp312-manylinux_2_17_x86_64"));
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built).isEqualTo(parsed);
        assertThat(parsed.name()).isSameAs(parsed.name()).isEqualTo(ProjectName.of("foo-bar"));
        assertThat(parsed).isNotEqualTo(WheelFilename.parse("Foo_Bar-2.0-cp312-cp312-manylinux_2_28_x86_64.whl"));
        assertThat(parsed).isNotEqualTo(new WheelFilename(text, ProjectName.of("foo-bar"), Version.parse("2.0"),
                new BuildTag(BigInteger.ONE, ""), parsed.tags()));
    }

    @Test
    void lowerCasesAndMergesTagMembers() {
        WheelFilename wheel = WheelFilename.parse("x-1.0-PY3.py3-NONE-Any.whl");
        assertThat(wheel.tags()).containsExactly(new Tag("py3", "none", "any"));
        assertThat(wheel.tags()).hasToString("py3-none-any");
        assertThat(wheel.tags().isPurePlatform()).isTrue();
    }

    @Test
    void normalisesUnicodeNamesAsPython() {
        // packaging: lower() first, so the sigma before '.' is not final; then '.' and '_' become '-'.
        assertThat(WheelFilename.parse("AΣ.B-1.0-py3-none-any.whl").name().value()).isEqualTo("aσ-b");
        assertThat(WheelFilename.parse("AΣ_-1.0-py3-none-any.whl").name().value()).isEqualTo("aς-");
        assertThat(WheelFilename.parse("_foo.-1.0-py3-none-any.whl").name().value()).isEqualTo("-foo-");
    }

    @Test
    void keepsBigBuildNumbersAndStopsTheRestAtALineFeed() {
        WheelFilename wheel = WheelFilename.parse("x-1.0-123456789012345678901234567890a\nb-py3-none-any.whl");
        assertThat(wheel.build().number()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(wheel.build().rest()).isEqualTo("a");
        assertThat(WheelFilename.parse("x-1.0-7\r-py3-none-any.whl").build().rest()).isEqualTo("\r");
    }

    @Test
    void ordersBuildTagsByNumberThenRest() {
        assertThat(new BuildTag(BigInteger.TWO, "")).isGreaterThan(new BuildTag(BigInteger.ONE, "zz"));
        assertThat(new BuildTag(BigInteger.ONE, "b")).isGreaterThan(new BuildTag(BigInteger.ONE, "a"));
        assertThat(new BuildTag(BigInteger.ONE, "\uffff")).as("code point order")
                .isLessThan(new BuildTag(BigInteger.ONE, "😀"));
    }

    @Test
    void reportsThePartAndPackagingsMessage() {
        assertThatThrownBy(() -> WheelFilename.parse("x-1.0-py3-none-any.tar.gz"))
                .isInstanceOf(InvalidWheelFilenameException.class)
                .hasMessage("Invalid wheel filename (extension must be '.whl'): 'x-1.0-py3-none-any.tar.gz'")
                .extracting(e -> ((InvalidWheelFilenameException) e).part())
                .isEqualTo(InvalidWheelFilenameException.Part.EXTENSION);
        assertThatThrownBy(() -> WheelFilename.parse("it's-1.0-py3-none-any.whl"))
                .hasMessage("Invalid project name: \"it's-1.0-py3-none-any\"");
        assertThatThrownBy(() -> WheelFilename.parse("x-1.0-py3-none-any-.whl"))
                .hasMessage("Invalid build number: py3 in 'x-1.0-py3-none-any-'");
        assertThatThrownBy(() -> WheelFilename.parse("x-1.0-py3-none-.whl"))
                .hasMessage("Invalid wheel filename (invalid tag component): 'x-1.0-py3-none-'")
                .extracting(e -> ((InvalidWheelFilenameException) e).part())
                .isEqualTo(InvalidWheelFilenameException.Part.TAGS);
        assertThatThrownBy(() -> WheelFilename.parse("x-1.0\u0000-py3-none-any.whl"))
                .hasMessage("Invalid wheel filename (invalid version): 'x-1.0\\x00-py3-none-any'");
        assertThatThrownBy(() -> WheelFilename.parse("x-1.0-py3-none-any.whl\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelsThePlatforms() {
        WheelFilename wheel = WheelFilename.parse(
                "numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.musllinux_1_1_x86_64.whl");
        assertThat(wheel.tags().platformFamilies())
                .containsExactly(PlatformTag.Family.MANYLINUX, PlatformTag.Family.MUSLLINUX);
        assertThat(wheel.tags().platformTags()).containsExactly(
                PlatformTag.Manylinux.of(2, 17, "x86_64"),
                new PlatformTag.Manylinux(2, 17, "x86_64", true),
                new PlatformTag.Musllinux(1, 1, "x86_64"));
    }
}
