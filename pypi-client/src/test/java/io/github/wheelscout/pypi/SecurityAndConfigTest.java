package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Redaction, netrc, proxies from the environment. */
class SecurityAndConfigTest {

    @Test
    void redactionShowsTheUserButNotThePasswordAsPipDoes() {
        assertThat(Redaction.url("https://user:pass@host.example/simple/")).isEqualTo("https://user:****@host.example/simple/");
        assertThat(Redaction.url("https://token@host.example/simple/")).isEqualTo("https://****@host.example/simple/");
        assertThat(Redaction.url("https://host.example/simple/")).isEqualTo("https://host.example/simple/");
        assertThat(Redaction.text("failed: https://__token__:pypi-AgEN@upload.example/x and http://a:b@c/"))
                .isEqualTo("failed: https://__token__:****@upload.example/x and http://a:****@c/");
        assertThat(Redaction.url(HttpUrl.get("https://u:p%40ss@h.example/"))).isEqualTo("https://u:****@h.example/");
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(new Credentials("user", "secret")).hasToString("user:****");
        assertThat(new Credentials("", "secret")).hasToString("****");
    }

    @Test
    void netrcIsReadAsPythonReadsIt() throws IOException {
        Netrc netrc = Netrc.parse("""
                # comment
                machine index.example login alice password "pa ss"
                machine other.example
                    account acct
                    password p2
                macdef init
                    cd /tmp

                default login anon password guest
                """, "netrc");

        assertThat(netrc.forHost("index.example")).contains(new Credentials("alice", "pa ss"));
        assertThat(netrc.forHost("other.example")).contains(new Credentials("acct", "p2"));
        assertThat(netrc.forHost("unknown.example")).contains(new Credentials("anon", "guest"));
        assertThat(netrc.toString()).doesNotContain("pa ss").doesNotContain("guest");
    }

    @Test
    void aBrokenNetrcIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> Netrc.parse("machine a login b\nbogus c\n", "/home/u/.netrc"))
                .hasMessageContaining("/home/u/.netrc:2").hasMessageContaining("bogus");
    }

    @Test
    void proxiesComeFromTheEnvironmentLowerCaseFirst() {
        EnvironmentProxySelector p = EnvironmentProxySelector.from(Map.of(
                "HTTPS_PROXY", "http://upper.example:1",
                "https_proxy", "http://proxyuser:proxypass@lower.example:3128",
                "HTTP_PROXY", "plain.example:8080",
                "NO_PROXY", "internal.example,.corp.example,10.0.0.0/8,localhost:8000"));

        assertThat(p.proxyFor(HttpUrl.get("https://pypi.example/simple/"))).get()
                .extracting(HttpUrl::host).isEqualTo("lower.example");
        assertThat(p.proxyFor(HttpUrl.get("http://pypi.example/simple/"))).get()
                .extracting(HttpUrl::port).isEqualTo(8080);
        assertThat(p.proxyFor(HttpUrl.get("https://internal.example/"))).isEmpty();
        assertThat(p.proxyFor(HttpUrl.get("https://a.internal.example/"))).isEmpty();
        assertThat(p.proxyFor(HttpUrl.get("https://x.corp.example/"))).isEmpty();
        assertThat(p.proxyFor(HttpUrl.get("https://10.1.2.3/"))).isEmpty();
        assertThat(p.proxyFor(HttpUrl.get("http://localhost:8000/"))).isEmpty();
        assertThat(p.proxyFor(HttpUrl.get("http://localhost:9000/"))).isPresent();
        assertThat(p.proxyCredentials(InetSocketAddress.createUnresolved("lower.example", 3128)))
                .contains(new Credentials("proxyuser", "proxypass"));
        assertThat(p.toString()).doesNotContain("proxypass").contains("proxyuser:****@");
    }

    @Test
    void noProxyStarBypassesEverything() {
        EnvironmentProxySelector p = EnvironmentProxySelector.from(Map.of("ALL_PROXY", "http://p.example:1", "no_proxy", "*"));
        assertThat(p.hasProxies()).isTrue();
        assertThat(p.proxyFor(HttpUrl.get("https://anything.example/"))).isEmpty();
    }

    @Test
    void loopbackIsTrustedOverPlainHttpOtherHostsAreNot() {
        java.util.Set<String> none = java.util.Set.of();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://localhost:8080/simple/"), none)).isTrue();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://127.5.6.7/simple/"), none)).isTrue();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://[::1]:9/simple/"), none)).isTrue();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://128.0.0.1/simple/"), none)).isFalse();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://mirror.example/simple/"), none)).isFalse();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://mirror.example/simple/"), java.util.Set.of("mirror.example"))).isTrue();
        assertThat(IndexGuard.trusted(HttpUrl.get("http://mirror.example:81/"), java.util.Set.of("mirror.example:80"))).isFalse();
        assertThat(IndexGuard.trusted(HttpUrl.get("https://anything.example/"), none)).isTrue();
    }
}
