package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineOptionsTest {

    @Test
    void acceptsAbbreviationsAttachedValuesAndAliases() throws Exception {
        LineOptions options = LineOptions.parse(List.of("--extra-index=https://a", "-rsub.txt", "--pypi-url", "u",
                "--pre", "--", "--leftover"));
        assertThat(options.occurrences).extracting(o -> o.option().longName + "=" + o.value()).containsExactly(
                "--extra-index-url=https://a", "--requirement=sub.txt", "--index-url=u", "--pre=null");
        assertThat(options.leftover).containsExactly("--leftover");
    }

    @Test
    void rejectsWhatPipRejects() {
        assertThatThrownBy(() -> LineOptions.parse(List.of("--no"))).hasMessage(
                "ambiguous option: --no (--no-binary, --no-index, --no-require-hashes?)");
        assertThatThrownBy(() -> LineOptions.parse(List.of("--global-option=x")))
                .hasMessage("no such option: --global-option");
        assertThatThrownBy(() -> LineOptions.parse(List.of("--pre=1"))).hasMessage("--pre option does not take a value");
        assertThatThrownBy(() -> LineOptions.parse(List.of("-r"))).hasMessage("-r option requires 1 argument");
        assertThatThrownBy(() -> LineOptions.parse(List.of("--hash=sha1:abc")))
                .hasMessage("Allowed hash algorithms for --hash are sha256, sha384, sha512.");
    }
}
