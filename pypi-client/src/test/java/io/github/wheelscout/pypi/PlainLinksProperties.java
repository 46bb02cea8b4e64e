package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.wheelscout.fixtures.FixtureDocuments;
import io.github.wheelscout.fixtures.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The shortcut for plain links gives exactly what OkHttp's resolution gives, or steps aside. */
class PlainLinksProperties {

    private static final List<String> PAGES = List.of("http://127.0.0.1:5000/simple/numpy/",
            "https://pypi.org/simple/numpy/", "https://mirror.example/devpi/pypi/+simple/numpy/",
            "http://index.internal/simple/numpy", "https://[::1]:8443/simple/x/", "https://pypi.org/",
            "https://user:secret@private.example/simple/numpy/");

    /** OkHttp's answer, or null where it has none (then the shortcut must have none either). */
    private static SimpleApiParser.Link slow(String page, String href) {
        try {
            return SimpleApiParser.Link.resolve(page, HttpUrl.parse(page), href, "test");
        } catch (MalformedResponseException e) {
            return null;
        }
    }

    private static void assertSame(String page, String href) {
        SimpleApiParser.Link fast = PlainLinks.of(HttpUrl.parse(page)) == null ? null
                : PlainLinks.of(HttpUrl.parse(page)).resolve(href);
        if (fast != null) {
            assertThat(fast).as("%s on %s", href, page).isEqualTo(slow(page, href));
        }
    }

    @Test
    void everyFileLinkOfTheMirrorAndTheRecordedPagesResolvesAsOkHttpResolvesIt() throws IOException {
        List<String> hrefs = new ArrayList<>();
        FixtureDocuments mirror = Fixtures.mirror();
        for (String project : mirror.projects()) {
            byte[] page = mirror.simpleJson(project).orElse(null);
            if (page != null) {
                hrefs.addAll(urls(page));
            }
        }
        for (String name : List.of("numpy", "black", "requests", "argset")) {
            hrefs.addAll(urls(Fixtures.recorded("simple-json/" + name + ".json")));
        }
        assertThat(hrefs).hasSizeGreaterThan(10_000);
        int fast = 0;
        for (String page : PAGES) {
            PlainLinks plain = PlainLinks.of(HttpUrl.parse(page));
            for (String href : hrefs) {
                assertSame(page, href);
                if (plain != null && plain.resolve(href) != null) {
                    fast++;
                }
            }
        }
        assertThat(fast).as("links taken by the shortcut").isGreaterThan(hrefs.size() * 4);
    }

    /** Every "url" value of a PEP 691 page. */
    private static List<String> urls(byte[] page) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(page)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("url")
                        && p.nextToken() == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> hrefs() {
        Arbitrary<String> piece = Arbitraries.of("a", "Z", "0", "9", ".", "..", "/", "../", "./", "%", "%41", "+",
                "=", "#", "#sha256=ab", ":", "@", "?", "?q=1", "~", "-", "_", "http://", "https://", "HTTPS://",
                "files.example", "xn--bcher-kva.example", "127.0.0.1", "0x7f.1", ":8080", "user:pw@", " ", "\\",
                "é", "\u0100", "\u4e2d", "\ud83d\ude00", "numpy-1.0.tar.gz", "packages/ab/cd/");
        return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property
    void anyLinkResolvesAsOkHttpResolvesItOrIsLeftToOkHttp(@ForAll("hrefs") String href) {
        for (String page : PAGES) {
            assertSame(page, href);
        }
    }
}
