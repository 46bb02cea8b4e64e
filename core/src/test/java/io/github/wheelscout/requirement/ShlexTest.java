package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShlexTest {

    @Test
    void splitsLikePythonShlexInPosixMode() {
        assertThat(Shlex.split("--hash=sha256:a  -C 'k=v w' \"a\\\"b\\x\" c\\ d ''"))
                .containsExactly("--hash=sha256:a", "-C", "k=v w", "a\"b\\x", "c d", "");
        assertThat(Shlex.split("")).isEmpty();
    }

    @Test
    void reportsUnbalancedQuotesAndTrailingEscapes() {
        assertThatThrownBy(() -> Shlex.split("--hash='abc")).hasMessage("No closing quotation");
        assertThatThrownBy(() -> Shlex.split("abc\\")).hasMessage("No escaped character");
    }
}
