package io.github.wheelscout.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void stripsPythonWhitespaceButNotZeroWidthCharacters() {
        assertThat(PythonText.strip("\u00a0\u2003 1.0\t\u0085")).isEqualTo("1.0");
        assertThat(PythonText.strip("\u200b1.0\ufeff")).isEqualTo("\u200b1.0\ufeff");
    }

    @Test
    void splitsLinesAsPythonSplitlines() {
        assertThat(PythonText.splitLines("a\r\nb\rc\u2028d\u000be\n")).containsExactly("a", "b", "c", "d", "e");
        assertThat(PythonText.splitLines("a\n\nb")).containsExactly("a", "", "b");
        assertThat(PythonText.splitLines("")).isEmpty();
    }

    @Test
    void comparesByCodePointLikePython() {
        assertThat(PythonText.compare("\uffff", "\ud83d\ude00")).isNegative(); // U+FFFF < U+1F600
        assertThat("\uffff".compareTo("\ud83d\ude00")).isPositive(); // what String.compareTo says
        assertThat(PythonText.compare("==1", "==1.0")).isNegative();
    }

    @Test
    void knowsPythonWordCharacters() {
        assertThat(PythonText.isWordCharacter('_')).isTrue();
        assertThat(PythonText.isWordCharacter('\u00e9')).isTrue();
        assertThat(PythonText.isWordCharacter('\u00b2')).isTrue();
        assertThat(PythonText.isWordCharacter('-')).isFalse();
        assertThat(PythonText.isWordCharacter('\u0301')).isFalse(); // combining acute accent
    }
}
