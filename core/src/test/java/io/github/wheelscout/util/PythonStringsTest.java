package io.github.wheelscout.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's {@code str.lower()} and {@code isidentifier()}; expected values printed by CPython 3.11. */
class PythonStringsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AΣ.B, aσ.b", // '.' is case-ignorable: the sigma is not final
        "AΣ, aς",
        "Σ, σ", // nothing cased before it
        "ΑΣ_Β, ας_β", // '_' is not case-ignorable
        "ΑΣʰ, αςʰ", // a modifier letter is skipped
        "ΑΣΣ, ασς",
        "İSTANBUL, i̇stanbul",
        "KelvinK, kelvink",
        "Ⅰ, ⅰ",
        "cp312, cp312",
    })
    void lowersAsPython(String input, String expected) {
        assertThat(PythonStrings.lower(input)).isEqualTo(expected);
    }

    @Test
    void returnsTheSameStringWhenNothingChanges() {
        String s = "manylinux_2_17_x86_64";
        assertThat(PythonStrings.lower(s)).isSameAs(s);
    }

    @Test
    void identifiersFollowXidStartAndXidContinue() {
        assertThat(PythonStrings.isIdentifier("cp312")).isTrue();
        assertThat(PythonStrings.isIdentifier("_x")).isTrue();
        assertThat(PythonStrings.isIdentifier("été")).isTrue();
        assertThat(PythonStrings.isIdentifier("3py")).isFalse();
        assertThat(PythonStrings.isIdentifier("")).isFalse();
        assertThat(PythonStrings.isIdentifier("py3+")).isFalse();
        assertThat(PythonStrings.isIdentifier("a\u200b")).as("zero-width space is not XID_Continue").isFalse();
        assertThat(PythonStrings.isIdentifier("\u2e2f")).as("vertical tilde is Pattern_Syntax").isFalse();
        assertThat(PythonStrings.isIdentifier("a\uff9e")).as("halfwidth voiced mark continues").isTrue();
        assertThat(PythonStrings.isIdentifier("\uff9e")).as("but does not start").isFalse();
        assertThat(PythonStrings.isIdentifier("xcp312y", 1, 6)).isTrue();
    }
}
