package io.github.wheelscout.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonReprTest {

    @Test
    void escapesAsPythonsRepr() {
        // Expected values printed by Python 3.11's repr().
        assertThat(PythonRepr.of("a'b")).isEqualTo("\"a'b\"");
        assertThat(PythonRepr.of("a'\"b")).isEqualTo("'a\\'\"b'");
        assertThat(PythonRepr.of("\u0000\t\n\r\u007f\u00a0")).isEqualTo("'\\x00\\t\\n\\r\\x7f\\xa0'");
        assertThat(PythonRepr.of("\ufeff\u2028\ud800")).isEqualTo("'\\ufeff\\u2028\\ud800'");
        assertThat(PythonRepr.of("\udb40\udc01 \u00e9")).isEqualTo("'\\U000e0001 \u00e9'");
    }

    @Test
    void aMegabyteOfControlCharactersIsQuotedInOnePass() {
        // Used to call String.format per character: seconds for one error message.
        String repr = PythonRepr.of("\u0001".repeat(1_000_000));
        assertThat(repr).hasSize(4_000_002).startsWith("'\\x01\\x01");
    }
}
