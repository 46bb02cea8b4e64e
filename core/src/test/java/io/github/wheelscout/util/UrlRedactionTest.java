package io.github.wheelscout.util;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UrlRedactionTest {

    @Test
    void hidesPasswordsAndLoneTokensAsPipDoes() {
        assertThat(UrlRedaction.text("https://user:secret@host/simple/")).isEqualTo("https://user:****@host/simple/");
        assertThat(UrlRedaction.text("see https://token@host/x and http://a:b@c:8080/")).isEqualTo(
                "see https://****@host/x and http://a:****@c:8080/");
        assertThat(UrlRedaction.text("git+ssh://git@github.com/o/r")).isEqualTo("git+ssh://****@github.com/o/r");
        assertThat(UrlRedaction.text("no url: user@example.com")).isEqualTo("no url: user@example.com");
        assertThat(UrlRedaction.text(null)).isNull();
    }

    @Test
    void aPasswordWithARawAtSignIsHiddenWhole() {
        // URL parsers (and pip) take the userinfo up to the last '@' before the host.
        assertThat(UrlRedaction.text("https://user:p@ss@host/simple")).isEqualTo("https://user:****@host/simple");
        assertThat(UrlRedaction.text("https://to@ken@host/")).isEqualTo("https://****@host/");
    }

    @Provide
    Arbitrary<String> secrets() {
        // Any character that a URL's userinfo may hold unencoded, the raw '@' and ':' included.
        return Arbitraries.strings().withChars("abcXYZ0189!$&'()*+,;=%-._~@:").ofMaxLength(20)
                .map(s -> "S3CRET" + s);
    }

    @Property
    void noSecretSurvives(@ForAll("secrets") String secret) {
        for (String url : new String[] {"https://deploy:" + secret + "@host.example/simple/",
                "https://" + secret.replace(":", "") + "@host.example/", "--index-url=http://u:" + secret + "@h:80/s",
                "'https://__token__:" + secret + "@gitlab.example/api/v4/projects/1/packages/pypi/simple'"}) {
            String shown = UrlRedaction.text("error at " + url + " (after 4 attempts)");
            assertThat(shown).as(url).doesNotContain("S3CRET").contains("****@");
        }
    }
}
