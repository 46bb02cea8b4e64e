package io.github.wheelscout.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.filename.WheelFilename;
import org.junit.jupiter.api.Test;

class TagCompatibilityTest {

    private static TagCompatibility match(String target, String filename) {
        return Target.parse(target).compatibility(WheelFilename.parse(filename));
    }

    @Test
    void compatibleWheelsCarryTheirBestTag() {
        TagCompatibility c = match("cp312-glibc2.41-x86_64",
                "x-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertThat(c.isCompatible()).isTrue();
        assertThat(c.bestTag()).contains(Tag.parse("cp312-cp312-manylinux_2_17_x86_64"));
        assertThat(c.incompatibility()).isEmpty();
        assertThat(c.explanation()).startsWith("compatible: cp312-cp312-manylinux_2_17_x86_64 is tag ");
    }

    @Test
    void manylinuxOnMuslNeedsGlibc() {
        TagCompatibility c = Target.forImage("python:3.12-alpine")
                .compatibility(WheelFilename.parse("x-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"));
        assertThat(c.reason()).isEqualTo(TagCompatibility.Reason.PLATFORM);
        assertThat(c.explanation()).isEqualTo("only manylinux wheels: needs glibc; python:3.12-alpine has musl 1.2");
    }

    @Test
    void musllinuxOnGlibcNeedsMusl() {
        assertThat(match("cp312-glibc2.41-x86_64", "x-1.0-cp312-cp312-musllinux_1_2_x86_64.whl").explanation())
                .isEqualTo("only musllinux wheels: needs musl; cp312-glibc2.41-x86_64 has glibc 2.41");
    }

    @Test
    void tooNewAGlibcOrMusl() {
        assertThat(match("cp312-glibc2.17-x86_64", "x-1.0-cp312-cp312-manylinux_2_28_x86_64.whl").explanation())
                .isEqualTo("needs glibc 2.28 or newer (manylinux_2_28_x86_64); cp312-glibc2.17-x86_64 has glibc 2.17");
        assertThat(match("cp38-musl1.1-x86_64", "x-1.0-cp38-cp38-musllinux_1_2_x86_64.whl").explanation())
                .isEqualTo("needs musl 1.2 or newer (musllinux_1_2_x86_64); cp38-musl1.1-x86_64 has musl 1.1");
    }

    @Test
    void otherArchitecturesAndSystems() {
        assertThat(match("cp312-glibc2.41-x86_64", "x-1.0-cp312-cp312-manylinux_2_17_aarch64.whl").explanation())
                .isEqualTo("built for aarch64 only; cp312-glibc2.41-x86_64 is x86_64");
        assertThat(match("cp312-glibc2.41-x86_64", "x-1.0-cp312-cp312-macosx_11_0_arm64.win_amd64.whl")
                .explanation()).isEqualTo("built for macOS and Windows only (macosx_11_0_arm64, win_amd64);"
                        + " cp312-glibc2.41-x86_64 is Linux x86_64");
        assertThat(match("cp311-linux-armv6l", "x-1.0-cp311-cp311-manylinux_2_17_armv6l.whl").explanation())
                .startsWith("needs glibc 2.17 (manylinux_2_17_armv6l); cp311-linux-armv6l lists only linux_armv6l");
    }

    @Test
    void interpreterAndAbiReasons() {
        TagCompatibility c = match("cp312-glibc2.41-x86_64", "x-1.0-cp313-cp313-manylinux_2_17_x86_64.whl");
        assertThat(c.reason()).isEqualTo(TagCompatibility.Reason.INTERPRETER);
        assertThat(c.explanation()).isEqualTo(
                "built for interpreter cp313; cp312-glibc2.41-x86_64 runs CPython 3.12 (cp312)");
        // cp311 is an interpreter the machine knows (for abi3 wheels), so the ABI is what fails.
        TagCompatibility older = match("cp312-glibc2.41-x86_64", "x-1.0-cp311-cp311-manylinux_2_17_x86_64.whl");
        assertThat(older.reason()).isEqualTo(TagCompatibility.Reason.ABI);
        assertThat(older.explanation()).isEqualTo(
                "built for CPython 3.11 (ABI cp311); cp312-glibc2.41-x86_64 runs CPython 3.12 (cp312)");
        assertThat(match("cp312-glibc2.41-x86_64", "x-1.0-py2-none-any.whl").explanation())
                .startsWith("built for Python 2 only (py2)");
        TagCompatibility abi3 = match("cp313t-glibc2.41-x86_64", "x-1.0-cp38-abi3-manylinux_2_17_x86_64.whl");
        assertThat(abi3.reason()).isEqualTo(TagCompatibility.Reason.ABI);
        assertThat(abi3.explanation()).startsWith("abi3 (stable ABI) wheels do not load on free-threaded CPython 3.13t");
        assertThat(match("cp313-glibc2.41-x86_64", "x-1.0-cp313-cp313t-manylinux_2_17_x86_64.whl").explanation())
                .startsWith("built for free-threaded CPython (cp313t)");
        assertThat(match("cp312-glibc2.41-x86_64", "x-1.0-cp312-cp312d-manylinux_2_17_x86_64.whl").explanation())
                .isEqualTo("ABI cp312d does not load; cp312-glibc2.41-x86_64 runs CPython 3.12 (cp312), which"
                        + " accepts ABI cp312, abi3, none");
    }

    @Test
    void theReasonIsTheFurthestStageOfAnyTag() {
        // cp311 fails at the interpreter, cp312-cp312 at the platform: platform wins.
        TagCompatibility c = match("cp312-musl1.2-x86_64", "x-1.0-cp311.cp312-cp312-manylinux_2_17_x86_64.whl");
        assertThat(c.reason()).isEqualTo(TagCompatibility.Reason.PLATFORM);
        assertThat(c.priority()).isEqualTo(-1);
    }
}
